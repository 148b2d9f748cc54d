package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantineEntry;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.integration.filedrop.ReplayRefused.Reason;
import org.rapport.integration.support.TestSources;

/**
 * A file taken by the real file-drop route into the real store, replayed after its source's mapping was
 * fixed: the rows its first mapping quarantined now count, in place of the first reading.
 */
class IntakeReplayTest extends PersistenceSpec {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** An IVR export whose outcome words the first definition does not all know. */
    private static final String DEFINITION = """
            {"name": "ivr", "kind": "calls", "format": "generic-csv", "timeZone": "Europe/London",
             "options": {"delimiter": ";"},
             "fields": {"call_id": "Call", "customer_id": "Account", "started_at": ["Date", "Time"],
                        "ivr_seconds": "IVR", "queue_seconds": "Queue", "talk_seconds": "Talk",
                        "outcome": "Result", "wanted_agent": "Agent?", "transfers": {"constant": "0"},
                        "times_reidentified": {"constant": "0"}},
             "values": {"outcome": {"Served": "answered", "Menu": "self_served"%s}}}
            """;
    private static final String FIRST_MAPPING = "";
    private static final String FIXED_MAPPING = ", \"Hung up\": \"abandoned_in_queue\"";
    private static final String CALLS = TestSources.lines("Call;Account;Date;Time;IVR;Queue;Talk;Result;Agent?",
            "K-1;C-7;2026-10-01;08:15:00;95;240;410;Served;yes",
            "K-2;C-7;2026-10-01;08:20:00;95;600;0;Hung up;yes",
            "K-3;;2026-10-01;08:25:00;300;0;0;Menu;no",
            "K-4;C-8;2026-10-01;08:30:00;95;900;0;Hung up;yes");

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
    void aReplayAfterTheMappingWasFixedCountsTheRowsTheFirstMappingQuarantined(TestDatabase database)
            throws Exception {
        Intake intake = new TransactionalIntake(on(database)::read, Clock.systemUTC());
        BatchEntry stored = dropAndAwait(database, intake);
        assertThat(stored).extracting(BatchEntry::status, BatchEntry::rowsAccepted, BatchEntry::rowsQuarantined,
                BatchEntry::keptAs).containsExactly("ACCEPTED", 2, 2, "calls/.done/calls-2026-10.csv");
        assertThat(quarantine(database, stored.id())).extracting(QuarantineEntry::line, QuarantineEntry::field)
                .as("named by the delivered column").containsExactly(tuple(3L, "Result"), tuple(5L, "Result"));

        IntakeReceipt replayed = new IntakeReplay(intakeDir, List.of(folder(FIXED_MAPPING)), intake)
                .replay(stored.id());

        assertThat(replayed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(replayed.rowsAccepted()).isEqualTo(4);
        assertThat(replayed.rowsQuarantined()).isZero();
        assertThat(replayed.replaced()).containsExactly(stored.id());
        assertThat(intake.find(stored.id()).orElseThrow()).extracting(BatchEntry::status, BatchEntry::replacedBy)
                .containsExactly("REPLACED", replayed.batchId());
        assertThat(quarantine(database, null)).isEmpty();
        assertThat(calls(database)).isEqualTo(4);
        assertThat(filesIn(intakeDir.resolve("calls/.done"))).as("the kept file stays for a later replay")
                .containsExactly("calls-2026-10.csv");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayIsRefusedWhenThereIsNothingToReplayAndStoresNothing(TestDatabase database) throws Exception {
        Intake intake = new TransactionalIntake(on(database)::read, Clock.systemUTC());
        BatchEntry stored = dropAndAwait(database, intake);
        IntakeReplay replay = new IntakeReplay(intakeDir, List.of(folder(FIXED_MAPPING)), intake);
        IntakeReceipt replayed = replay.replay(stored.id());

        assertThatThrownBy(() -> replay.replay(stored.id())).isInstanceOf(ReplayRefused.class)
                .hasMessage("batch " + stored.id() + " is REPLACED: only an accepted batch can be replayed")
                .extracting("reason").isEqualTo(Reason.NOT_ACCEPTED);
        assertThatThrownBy(() -> replay.replay(replayed.batchId() + 1000)).isInstanceOf(ReplayRefused.class)
                .extracting("reason").isEqualTo(Reason.NO_SUCH_BATCH);
        assertThatThrownBy(() -> new IntakeReplay(intakeDir, List.of(), intake).replay(replayed.batchId()))
                .isInstanceOf(ReplayRefused.class)
                .hasMessage("no intake folder takes source 'ivr' now");
        Files.writeString(intakeDir.resolve("calls/.done/calls-2026-10.csv"), CALLS + "K-5;C-9;2026-10-01;08:35:00;"
                + "95;0;60;Served;yes\n");
        assertThatThrownBy(() -> replay.replay(replayed.batchId())).isInstanceOf(ReplayRefused.class)
                .extracting("reason").isEqualTo(Reason.FILE_CHANGED);
        Files.delete(intakeDir.resolve("calls/.done/calls-2026-10.csv"));
        assertThatThrownBy(() -> replay.replay(replayed.batchId())).isInstanceOf(ReplayRefused.class)
                .extracting("reason").isEqualTo(Reason.FILE_MISSING);
        assertThat(intake.find(replayed.batchId()).orElseThrow().status()).isEqualTo("ACCEPTED");
        assertThat(calls(database)).isEqualTo(4);
    }

    /** Drops the calls file into the route with the first mapping and waits until it was stored and kept. */
    private BatchEntry dropAndAwait(TestDatabase database, Intake intake) throws Exception {
        fileDrop = FileDropIntake.start(quickSettings(intakeDir), Optional.empty(), List.of(folder(FIRST_MAPPING)),
                intake);
        drop(intakeDir.resolve("calls"), "calls-2026-10.csv", CALLS);
        awaitUntil("the calls file to be stored and kept in .done", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).equals(List.of("calls-2026-10.csv")));
        List<BatchEntry> batches = database.read(entityManager -> new IntakeCatalog(entityManager).batches(10));
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    private static IntakeFolder folder(String outcomeWords) {
        return new IntakeFolder("calls", TestSources.format(DEFINITION.formatted(outcomeWords)));
    }

    private static List<QuarantineEntry> quarantine(TestDatabase database, Long batchId) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).quarantine("ivr", batchId, 100));
    }

    private static long calls(TestDatabase database) {
        return database.read(entityManager -> entityManager.createQuery("select count(c) from Call c", Long.class)
                .getSingleResult());
    }
}
