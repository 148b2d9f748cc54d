package org.rapport.engine.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultLogTest {

    private final Logger logger = Logger.getLogger("rapport.test.fault-log");
    private final List<LogRecord> written = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            written.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Instant now = Instant.parse("2026-11-02T06:00:00Z");
    private final FaultLog log = new FaultLog(logger, Duration.ofMinutes(1), new Clock() {
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
    });

    {
        logger.setUseParentHandlers(false);
        logger.addHandler(recorder);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(recorder);
    }

    @Test
    void aFaultRepeatedForMinutesWritesItsTraceOnceThenALineAMinuteWithTheCount() {
        RuntimeException fault = new IllegalStateException("connection refused");
        for (int second = 0; second < 150; second++) {
            log.occurred(Level.WARNING, "intake|db", "Intake waits", fault);
            now = now.plusSeconds(1);
        }

        assertThat(written).extracting(LogRecord::getMessage).containsExactly("Intake waits",
                "Intake waits (61 times since it began; 59 not logged in the 60 s before)",
                "Intake waits (121 times since it began; 59 not logged in the 60 s before)");
        assertThat(written.get(0).getThrown()).isSameAs(fault);
        assertThat(written.subList(1, 3)).allSatisfy(line -> assertThat(line.getThrown()).isNull());
    }

    @Test
    void aFaultThatIsOverIsWrittenInFullWhenItComesBackAndOtherFaultsAreCountedApart() {
        RuntimeException fault = new IllegalStateException("connection refused");
        log.occurred(Level.WARNING, "intake|db", "Intake waits", fault);
        log.occurred(Level.WARNING, "run 7|db", "Run waits", fault);
        log.forget("intake|");
        log.occurred(Level.WARNING, "intake|db", "Intake waits", fault);
        log.occurred(Level.WARNING, "run 7|db", "Run waits", fault);

        assertThat(written).extracting(LogRecord::getMessage).containsExactly("Intake waits", "Run waits",
                "Intake waits");
        assertThat(written).allSatisfy(line -> assertThat(line.getThrown()).isSameAs(fault));
    }
}
