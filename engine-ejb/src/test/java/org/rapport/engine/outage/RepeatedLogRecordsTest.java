package org.rapport.engine.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's own lines about a repeating fault, bounded rather than silenced: through a real
 * {@code java.util.logging} logger with the filter on its handlers, as WildFly installs it.
 */
class RepeatedLogRecordsTest {

    private static final String EJB = "org.jboss.as.ejb3.invocation";
    private static final String POOL = "org.jboss.jca.core.connectionmanager.pool";
    private static final String INVOCATION_FAILED = "WFLYEJB0034: Jakarta Enterprise Beans Invocation failed on "
            + "component {0} for method {1}";

    private final MovableClock clock = new MovableClock();
    private final RepeatedLogRecords filter = new RepeatedLogRecords(clock);
    private final Capture file = new Capture();
    private final Capture console = new Capture();
    private final List<Logger> loggers = new ArrayList<>();

    @BeforeEach
    void handlers() {
        filter.setCategories(EJB + ", " + POOL);
        filter.setWindowSeconds("60");
        file.setFilter(filter);
        console.setFilter(filter);
    }

    @AfterEach
    void detach() {
        loggers.forEach(logger -> {
            logger.removeHandler(file);
            logger.removeHandler(console);
        });
    }

    @Test
    void aFaultRepeatedPerRequestIsOneLineWithItsTraceThenOneLinePerMinuteWithTheCount() {
        Logger ejb = logger(EJB);
        for (int request = 0; request < 500; request++) {
            ejb.log(record(ejb, INVOCATION_FAILED, refused(), "IntakeResource", "health"));
        }
        assertThat(file.lines).singleElement().satisfies(line -> {
            assertThat(line.getThrown()).as("the first keeps its trace").isNotNull();
            assertThat(file.text(line)).contains("WFLYEJB0034").contains("IntakeResource");
        });

        clock.pass(Duration.ofSeconds(61));
        ejb.log(record(ejb, INVOCATION_FAILED, refused(), "RunsResource", "list"));

        assertThat(file.lines).hasSize(2);
        LogRecord summary = file.lines.get(1);
        assertThat(summary.getThrown()).isNull();
        assertThat(file.text(summary)).contains("WFLYEJB0034").contains("RunsResource")
                .contains("cause java.net.ConnectException").contains("499 more like it");
        assertThat(console.lines).as("every handler writes the same lines").hasSize(2);
        assertThat(console.text(console.lines.get(1))).isEqualTo(file.text(summary));
    }

    @Test
    void eachFaultAndCauseHasItsOwnLine() {
        Logger ejb = logger(EJB);
        Logger pool = logger(POOL + ".mcp.SemaphoreConcurrentLinkedQueueManagedConnectionPool");
        for (int request = 0; request < 50; request++) {
            ejb.log(record(ejb, INVOCATION_FAILED, refused(), "A", "a"));
            ejb.log(record(ejb, INVOCATION_FAILED, new RuntimeException(new SQLException("closed", "08003")), "A", "a"));
            pool.log(record(pool, "IJ000604: Throwable while attempting to get a new connection: {0}", refused(), "null"));
        }

        assertThat(file.lines).extracting(line -> line.getLoggerName() + " " + line.getThrown().getCause().getClass()
                .getSimpleName()).containsExactly(EJB + " ConnectException", EJB + " SQLException",
                        pool.getName() + " ConnectException");
    }

    @Test
    void otherCategoriesAreNotTouched() {
        Logger rapport = logger("org.rapport.engine.run.RunService");
        for (int line = 0; line < 5; line++) {
            rapport.log(record(rapport, "Run {0} published", null, "7"));
        }

        assertThat(file.lines).hasSize(5);
    }

    private Logger logger(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.addHandler(file);
        logger.addHandler(console);
        loggers.add(logger);
        return logger;
    }

    private static LogRecord record(Logger logger, String message, Throwable thrown, Object... parameters) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName(logger.getName());
        record.setParameters(parameters);
        record.setThrown(thrown);
        return record;
    }

    private static Throwable refused() {
        return new RuntimeException("Invocation failed", new ConnectException("Connection refused"));
    }

    private static final class Capture extends Handler {
        private final List<LogRecord> lines = new ArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                lines.add(record);
            }
        }

        String text(LogRecord record) {
            return formatter.formatMessage(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
