package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.filedrop.DroppedFiles.CALLS;
import static org.rapport.integration.filedrop.DroppedFiles.CUSTOMERS;
import static org.rapport.integration.filedrop.DroppedFiles.drop;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;
import static org.rapport.integration.filedrop.DroppedFiles.quickSettings;
import static org.rapport.integration.filedrop.DroppedFiles.sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;

/** The production routes on real folders, with the engine's intake replaced by a recording one. */
class IntakeRoutesTest extends CamelTestSupport {

    private static final int WAIT_SECONDS = 20;

    @TempDir
    Path intakeDir;

    private final RecordingIntake intake = new RecordingIntake();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new IntakeRoutes(quickSettings(intakeDir), IntakeFolder.canonical(), intake);
    }

    @Test
    void eachFolderHasItsOwnRouteWithAStableId() {
        assertThat(context().getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder(
                "intake-customers", "intake-purchases", "intake-service-cases", "intake-calls",
                "intake-survey-responses");
    }

    @Test
    void aDroppedFileIsStoredOnceWithItsChecksumAndMovedToDone() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context()).fromRoute("intake-calls").whenDone(1).create();

        drop(intakeDir.resolve("calls"), "calls-2026-10.csv", CALLS);

        assertThat(done.matches(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(intake.stored()).singleElement().satisfies(batch -> {
            assertThat(batch.kind()).isEqualTo(SourceKind.CALLS);
            assertThat(batch.source()).isEqualTo("file-drop/calls");
            assertThat(batch.fileName()).isEqualTo("calls-2026-10.csv");
            assertThat(batch.checksum()).isEqualTo(sha256(CALLS));
            assertThat(batch.records()).hasSize(2);
            assertThat(batch.quarantined()).isEmpty();
        });
        assertThat(filesIn(intakeDir.resolve("calls"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("calls/.done"))).containsExactly("calls-2026-10.csv");
        assertThat(Files.readString(intakeDir.resolve("calls/.done/calls-2026-10.csv"))).isEqualTo(CALLS);
    }

    @Test
    void aFileWithBadRowsIsStoredWithItsQuarantineAndMovedToDone() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context()).fromRoute("intake-customers").whenDone(1).create();
        String content = CUSTOMERS + "C-002,one-year,north,medium,2023-12-31,lapsed,,,683.40,phone,true,false\n";

        drop(intakeDir.resolve("customers"), "customers.csv", content);

        assertThat(done.matches(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(intake.stored()).singleElement().satisfies(batch -> {
            assertThat(batch.records()).hasSize(1);
            assertThat(batch.quarantined()).singleElement().extracting("line", "field").containsExactly(3L, "status");
        });
        assertThat(filesIn(intakeDir.resolve("customers/.done"))).containsExactly("customers.csv");
    }

    @Test
    void aFileTheIntakeFailsForAReasonOtherThanTheInfrastructureIsRetriedABoundedNumberOfTimesThenMovedToFailed()
            throws Exception {
        intake.failWith(new IllegalStateException("mapping broke"));
        NotifyBuilder failed = new NotifyBuilder(context()).fromRoute("intake-customers").whenDone(1).create();

        drop(intakeDir.resolve("customers"), "customers.csv", CUSTOMERS);

        assertThat(failed.matches(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(intake.attempts()).as("the first attempt and two retries").isEqualTo(3);
        assertThat(filesIn(intakeDir.resolve("customers"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("customers/.done"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("customers/.failed")))
                .containsExactly("customers.csv", "customers.csv.reason.txt");
        assertThat(Files.readString(intakeDir.resolve("customers/.failed/customers.csv.reason.txt")))
                .contains("file: customers.csv")
                .contains("reason: not stored after 3 attempts: java.lang.IllegalStateException: mapping broke")
                .contains("cause: the file or the intake, not the database or the disk");
    }

    @Test
    void aRejectedFileIsRecordedByTheIntakeAndMovedToFailedWithTheReason() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context()).fromRoute("intake-purchases").whenDone(1).create();

        drop(intakeDir.resolve("purchases"), "purchases.csv", "");

        assertThat(done.matches(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(intake.attempts()).isEqualTo(1);
        assertThat(intake.stored()).singleElement().extracting(IntakeBatch::rejection)
                .isEqualTo("line 1, field (record): file is empty: no header row");
        assertThat(filesIn(intakeDir.resolve("purchases/.done"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("purchases/.failed")))
                .containsExactly("purchases.csv", "purchases.csv.reason.txt");
        assertThat(Files.readString(intakeDir.resolve("purchases/.failed/purchases.csv.reason.txt")))
                .contains("reason: rejected by the intake as batch 1: line 1, field (record): file is empty: no header row")
                .contains("checksum (sha256): " + sha256(""));
    }
}
