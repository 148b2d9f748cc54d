package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.filedrop.DroppedFiles.awaitUntil;
import static org.rapport.integration.filedrop.DroppedFiles.drop;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;
import static org.rapport.integration.filedrop.DroppedFiles.quickSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** The production file-drop routes streaming real files into the real store. */
class FileDropStoreTest extends PersistenceSpec {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HEADER = "call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,"
            + "outcome,wanted_agent,transfers,times_reidentified,agent_saw_history,channel\n";

    @TempDir
    Path intakeDir;

    private FileDropIntake fileDrop;

    @AfterEach
    void stop() {
        if (fileDrop != null) {
            fileDrop.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileThatBreaksAfterHundredsOfRowsLeavesNoneOfThemAndGoesToFailedWithTheReason(TestDatabase database)
            throws Exception {
        start(database);
        String broken = calls(0, 450) + "K-450,C-1,2026-10-02T09:00:00,30,60,200,\"answered,true,0,0,true,phone\n"
                + calls(451, 10);

        drop(intakeDir.resolve("calls"), "calls.csv", broken);

        awaitUntil("the file to be moved to .failed", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.failed")).contains("calls.csv.reason.txt"));
        assertThat(count(database, "Call")).isZero();
        assertThat(batches(database)).singleElement().satisfies(batch -> {
            assertThat(batch.status()).isEqualTo("REJECTED");
            assertThat(batch.message()).startsWith("line 452, field (record): not valid CSV from here on");
        });
        assertThat(Files.readString(intakeDir.resolve("calls/.failed/calls.csv.reason.txt")))
                .contains("reason: rejected by the intake as batch " + batches(database).get(0).id()
                        + ": line 452, field (record): not valid CSV");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectedFileOfTheSameNameReplacesTheFirstAndTheSameFileAgainIsOnlyRecorded(TestDatabase database)
            throws Exception {
        start(database);
        drop(intakeDir.resolve("calls"), "calls-10.csv", calls(0, 300));
        awaitUntil("the first file to be stored", WAIT, () -> batches(database).size() == 1
                && filesIn(intakeDir.resolve("calls/.done")).equals(List.of("calls-10.csv")));

        drop(intakeDir.resolve("calls"), "calls-10.csv", calls(0, 320));
        awaitUntil("the corrected file to be stored", WAIT, () -> batches(database).size() == 2
                && filesIn(intakeDir.resolve("calls")).isEmpty());
        drop(intakeDir.resolve("calls"), "calls-10-again.csv", calls(0, 320));
        awaitUntil("the copy to be recorded", WAIT, () -> batches(database).size() == 3
                && filesIn(intakeDir.resolve("calls")).isEmpty());

        assertThat(batches(database)).extracting(BatchEntry::fileName, BatchEntry::status, BatchEntry::rowsAccepted)
                .containsExactly(
                        tuple("calls-10-again.csv", "DUPLICATE", 0),
                        tuple("calls-10.csv", "ACCEPTED", 320),
                        tuple("calls-10.csv", "REPLACED", 300));
        assertThat(count(database, "Call")).isEqualTo(320);
        assertThat(Files.readString(intakeDir.resolve("calls/.done/calls-10.csv")))
                .as("the corrected file is the one kept").isEqualTo(calls(0, 320));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSamplesFirst500CallsDroppedAgainUnderAnotherNameAreNotCountedAgain(TestDatabase database)
            throws Exception {
        start(database);
        List<String> sample = Files.readAllLines(Path.of("../sample-data/calls/calls-2026-10.csv"));
        drop(intakeDir.resolve("calls"), "calls.csv", String.join("\n", sample) + "\n");
        awaitUntil("the sample's calls to be stored", WAIT, () -> batches(database).size() == 1
                && filesIn(intakeDir.resolve("calls")).isEmpty());

        // a "last days" extract or a PBX re-export: the same calls in a file of another name
        drop(intakeDir.resolve("calls"), "calls-reexport.csv", String.join("\n", sample.subList(0, 501)) + "\n");
        awaitUntil("the re-export to be stored", WAIT, () -> batches(database).size() == 2
                && filesIn(intakeDir.resolve("calls")).isEmpty());

        assertThat(count(database, "Call")).as("October keeps its 2,500 calls").isEqualTo(2_500);
        assertThat(batches(database).get(0)).satisfies(reexport -> {
            assertThat(reexport.fileName()).isEqualTo("calls-reexport.csv");
            assertThat(reexport.status()).isEqualTo("ACCEPTED");
            assertThat(reexport.rowsAccepted()).isEqualTo(500);
            assertThat(reexport.changes()).isEqualTo(new IntakeReceipt.Changes(0, 0, 500, 0));
        });
    }

    private void start(TestDatabase database) throws Exception {
        fileDrop = FileDropIntake.start(quickSettings(intakeDir), Optional.empty(), IntakeFolder.canonical(),
                new TransactionalIntake(on(database)::read, Clock.systemUTC()));
    }

    /** A canonical calls file of {@code count} calls numbered from {@code first}, header included when first is 0. */
    private static String calls(int first, int count) {
        StringBuilder file = new StringBuilder(first == 0 ? HEADER : "");
        for (int call = first; call < first + count; call++) {
            file.append("K-").append(call).append(",C-").append(call % 7).append(",2026-10-02T09:")
                    .append(String.format("%02d", call % 60)).append(":00,30,60,200,answered,true,0,0,true,phone\n");
        }
        return file.toString();
    }

    private static List<BatchEntry> batches(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).batches(10));
    }

    private static long count(TestDatabase database, String entity) {
        return database.read(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }
}
