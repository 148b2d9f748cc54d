package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.filedrop.DroppedFiles.CALLS;
import static org.rapport.integration.filedrop.DroppedFiles.CUSTOMERS;
import static org.rapport.integration.filedrop.DroppedFiles.awaitUntil;
import static org.rapport.integration.filedrop.DroppedFiles.drop;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.outage.InfrastructureRetries;
import org.rapport.integration.support.RecordedLog;

/**
 * The file drop while the database is away: a file is never blamed for the infrastructure. The intake at the
 * routes' edge fails as WildFly's does when PostgreSQL is stopped (see {@code FileDropOutageTest} for the real
 * database stopped and started).
 */
class IntakeOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RuntimeException DATABASE_DOWN = new PersistenceException(new JDBCConnectionException(
            "Unable to acquire JDBC Connection", new SQLException("Connection to localhost:5432 refused", "08001")));

    @TempDir
    Path intakeDir;

    private final RecordingIntake intake = new RecordingIntake();
    private FileDropIntake fileDrop;

    @AfterEach
    void stop() {
        if (fileDrop != null) {
            fileDrop.close();
        }
    }

    @Test
    void aFileTheDatabaseCannotTakeWaitsInItsInboxShownAsWaitingAndIsStoredOnceWhenTheDatabaseIsBack()
            throws Exception {
        start(Duration.ofHours(1));
        intake.failWith(DATABASE_DOWN);
        long retriesBefore = InfrastructureRetries.count("intake");

        try (RecordedLog log = new RecordedLog()) {
            drop(intakeDir.resolve("calls"), "calls-2026-10.csv", CALLS);
            awaitUntil("the file to have been tried four times", WAIT, () -> intake.attempts() >= 4);

            assertThat(filesIn(intakeDir.resolve("calls"))).contains("calls-2026-10.csv");
            assertThat(filesIn(intakeDir.resolve("calls/.failed"))).isEmpty();
            assertThat(fileDrop.waitingFiles().of("file-drop/calls")).hasValueSatisfying(waiting -> {
                assertThat(waiting.file()).isEqualTo("calls-2026-10.csv");
                assertThat(waiting.attempts()).isGreaterThanOrEqualTo(3);
                assertThat(waiting.state()).isEqualTo("waiting for the database");
                assertThat(waiting.reason()).isEqualTo("the database connection failed");
            });
            assertThat(InfrastructureRetries.count("intake") - retriesBefore).isGreaterThanOrEqualTo(3);
            assertThat(log.messagesWithExceptions()).filteredOn(line -> line.contains("waits"))
                    .as("one line for the fault, with its trace, however many attempts").singleElement()
                    .asString().contains("'calls-2026-10.csv' could not be stored because the database connection failed")
                    .contains("JDBCConnectionException");

            intake.recover();
            awaitUntil("the file to be stored", WAIT,
                    () -> filesIn(intakeDir.resolve("calls/.done")).contains("calls-2026-10.csv"));
            assertThat(log.messages(Level.INFO)).anyMatch(line -> line.startsWith("Intake of file-drop/calls resumed"));
        }
        assertThat(intake.stored()).extracting(IntakeBatch::fileName).containsExactly("calls-2026-10.csv");
        assertThat(filesIn(intakeDir.resolve("calls"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("calls/.failed"))).isEmpty();
        assertThat(fileDrop.waitingFiles().all()).isEmpty();
    }

    @Test
    void aWaitLongerThanTheLongestIsReportedAndTheFileStillStaysInItsInbox() throws Exception {
        start(Duration.ofMillis(300));
        intake.failWith(DATABASE_DOWN);

        try (RecordedLog log = new RecordedLog()) {
            drop(intakeDir.resolve("customers"), "customers.csv", CUSTOMERS);
            awaitUntil("the wait to be reported", WAIT, () -> !log.messages(Level.SEVERE).isEmpty());

            assertThat(log.messages(Level.SEVERE).get(0)).contains("'customers.csv' has waited since")
                    .contains("longer than rapport.intake.outage.max-wait (PT0.3S)")
                    .contains("It stays in the inbox and is tried again; to fix: nothing to do if the database is "
                            + "restarting; otherwise start it");
        }
        assertThat(fileDrop.waitingFiles().of("file-drop/customers")).hasValueSatisfying(waiting ->
                assertThat(waiting.state()).isEqualTo("still waiting, past the longest wait, for the database"));
        assertThat(filesIn(intakeDir.resolve("customers/.failed"))).isEmpty();

        intake.recover();
        awaitUntil("the file to be taken on a later look", WAIT,
                () -> filesIn(intakeDir.resolve("customers/.done")).contains("customers.csv"));
        assertThat(intake.stored()).hasSize(1);
    }

    @Test
    void aFileAnEarlierVersionFailedForAnOutageIsPutBackOnceAndStoredWhileARefusedOneStays() throws Exception {
        Path failed = Files.createDirectories(intakeDir.resolve("calls/.failed"));
        Files.writeString(failed.resolve("calls-2026-10.csv"), CALLS);
        Files.writeString(failed.resolve("calls-2026-10.csv.reason.txt"), """
                file: calls-2026-10.csv
                failed at: 2026-11-02T06:00:33Z
                reason: not stored after 5 attempts: jakarta.ejb.EJBTransactionRolledbackException: \
                org.hibernate.exception.JDBCConnectionException: This connection has been closed.
                """);
        Files.writeString(failed.resolve("calls-bad.csv"), "not a calls file");
        Files.writeString(failed.resolve("calls-bad.csv.reason.txt"), """
                file: calls-bad.csv
                failed at: 2026-11-02T06:00:40Z
                reason: rejected by the intake as batch 4: line 1, field (record): not the calls header
                """);

        start(Duration.ofHours(1));

        awaitUntil("the file put back to be stored", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).contains("calls-2026-10.csv"));
        assertThat(intake.stored()).extracting(IntakeBatch::fileName).containsExactly("calls-2026-10.csv");
        assertThat(filesIn(failed)).containsExactly("calls-bad.csv", "calls-bad.csv.reason.txt");
    }

    private void start(Duration maxWait) throws Exception {
        FileDropSettings settings = new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(100), 2,
                Duration.ofMillis(10), maxWait, Duration.ofMillis(100));
        fileDrop = FileDropIntake.start(settings, Optional.empty(), IntakeFolder.canonical(), intake);
    }
}
