package org.rapport.integration.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;

/**
 * An Asterisk queue_log, however stored, read event by event into a {@link QueueLogCallAssembler}.
 * How a row becomes an event is the {@link EventReader}'s business. Thread-safe: each read has its
 * own state.
 */
final class QueueLogFormat implements IntakeFormat {

    static final Set<String> OPTIONS = Set.of("correlationMinutes");

    /** Makes an event of a row; null for a row that is no event of a call (a comment, a marker). */
    interface EventReader {
        /** Checks the header of a stored table; files without header have none. */
        default void header(Columns columns) throws BadFieldException {
            // no header
        }

        QueueEvent event(DelimitedRow row) throws BadFieldException;
    }

    private final SourceDefinition definition;
    private final DelimitedReader reader;
    private final EventReader events;
    private final CustomerMatcher matcher;
    private final long windowSeconds;

    QueueLogFormat(SourceDefinition definition, CustomerDirectory directory, DelimitedLayout layout, EventReader events)
            throws DefinitionException {
        this.definition = definition;
        this.reader = new DelimitedReader(definition.charset(), layout);
        this.events = events;
        this.matcher = definition.customerMatcher(directory);
        this.windowSeconds = 60L * CdrFormat.window(definition);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CALLS;
    }

    @Override
    public String source() {
        return definition.name();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.read(fileName, content, new Events(), sink).rejection();
    }

    /** The events of one file. */
    private final class Events implements RowSink {
        private QueueLogCallAssembler calls;

        @Override
        public void header(Columns columns) throws BadFieldException {
            events.header(columns);
        }

        @Override
        public void row(DelimitedRow row, BatchCollector out) throws BadFieldException {
            if (calls == null) {
                calls = new QueueLogCallAssembler(windowSeconds, definition.timeZone(), matcher, out);
            }
            QueueEvent event = events.event(row);
            if (event != null) {
                calls.add(event);
            }
        }

        @Override
        public void end(BatchCollector out) {
            if (calls != null) {
                calls.finish();
            }
        }
    }

    /** A whole number of seconds that may be absent (blank, NONE), never negative. */
    static Integer seconds(String value, String field) throws BadFieldException {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("NONE")) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadFieldException(field, "'" + value.strip() + "' is not a whole number of 0 or more");
    }

    /** Seconds since the epoch, as queue_log stamps its lines. */
    static long epoch(String value, String field) throws BadFieldException {
        try {
            long epoch = Long.parseLong(value.strip());
            if (epoch >= 0) {
                return epoch;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadFieldException(field, "'" + value.strip() + "' is not a time in seconds since 1970");
    }

    /** Null for an absent value (blank or NONE). */
    static String text(String value) {
        return value == null || value.isBlank() || value.strip().equalsIgnoreCase("NONE") ? null : value.strip();
    }
}
