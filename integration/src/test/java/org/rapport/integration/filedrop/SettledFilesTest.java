package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.filedrop.DroppedFiles.CALLS;
import static org.rapport.integration.filedrop.DroppedFiles.CUSTOMERS;
import static org.rapport.integration.filedrop.DroppedFiles.drop;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;

/**
 * A file must have stayed unchanged for the check interval before it is read — here half a minute, far longer than
 * the test waits: one last changed longer ago than that is read at first sight, one just written is left alone.
 */
class SettledFilesTest extends CamelTestSupport {

    private static final Duration STILL_FOR = Duration.ofSeconds(30);
    private static final int WAIT_SECONDS = 20;

    @TempDir
    Path intakeDir;

    private final RecordingIntake intake = new RecordingIntake();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new IntakeRoutes(new FileDropSettings(intakeDir, Duration.ofMillis(50), STILL_FOR, 2,
                Duration.ofMillis(10)), IntakeFolder.canonical(), intake);
    }

    @Test
    void aFileLastChangedLongerAgoThanTheCheckIntervalIsReadAtOnceAndOneJustWrittenWaits() throws Exception {
        NotifyBuilder callsDone = new NotifyBuilder(context()).fromRoute("intake-calls").whenDone(1).create();

        drop(intakeDir.resolve("customers"), "customers-2026-10.csv", CUSTOMERS);
        Path settled = drop(intakeDir.resolve("calls"), "calls-2026-10.csv", CALLS);
        Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minus(STILL_FOR.multipliedBy(2))));

        assertThat(callsDone.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("the settled file read within "
                + WAIT_SECONDS + " s, not after " + STILL_FOR).isTrue();
        assertThat(intake.stored()).extracting(IntakeBatch::fileName).containsExactly("calls-2026-10.csv");
        assertThat(filesIn(intakeDir.resolve("customers"))).as("the file just written, still waiting")
                .contains("customers-2026-10.csv");
    }
}
