package org.rapport.integration.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what a logger (and the loggers below it) logs while this is open. */
public final class RecordedLog extends Handler implements AutoCloseable {

    /** Held so the logger, and this handler on it, is not garbage-collected during the test. */
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    /** What the integration logs. */
    public RecordedLog() {
        this("org.rapport.integration");
    }

    /** What {@code loggerName} logs, e.g. {@code org.rapport} for the engine and the integration. */
    public RecordedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord logRecord) {
        records.add(logRecord);
    }

    /** Every message, at any level. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** The messages logged at exactly this level. */
    public List<String> messages(Level level) {
        return records.stream().filter(logRecord -> logRecord.getLevel().equals(level))
                .map(LogRecord::getMessage).toList();
    }

    /** Every message, with the exception (if any) logged with it. */
    public List<String> messagesWithExceptions() {
        return records.stream().map(logRecord -> logRecord.getMessage()
                + (logRecord.getThrown() == null ? "" : " " + logRecord.getThrown())).toList();
    }

    /** The messages logged with a stack trace. */
    public List<String> messagesWithTraces() {
        return records.stream().filter(logRecord -> logRecord.getThrown() != null).map(LogRecord::getMessage)
                .toList();
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
