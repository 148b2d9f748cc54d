package org.rapport.integration.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the integration logs while it is open. */
final class TransportLog extends Handler implements AutoCloseable {

    /** Held so the logger, and this handler on it, is not garbage-collected during the test. */
    private final Logger logger = Logger.getLogger("org.rapport.integration");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    TransportLog() {
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord logRecord) {
        records.add(logRecord);
    }

    /** The messages logged at exactly this level. */
    List<String> messages(Level level) {
        return records.stream().filter(logRecord -> logRecord.getLevel().equals(level))
                .map(LogRecord::getMessage).toList();
    }

    /** Every message, with the message of any exception logged with it. */
    List<String> all() {
        return records.stream().map(logRecord -> logRecord.getMessage()
                + (logRecord.getThrown() == null ? "" : " " + logRecord.getThrown())).toList();
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
