package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.testing.StoppablePostgres;

/**
 * A transaction rolled back at commit is answered 503 when the database is what failed, as the API's other
 * outage answers are: the transaction manager throws a bare {@code RollbackException} (Narayana's "ARJUNA016053:
 * Could not commit transaction", no cause) when the database goes away as the work is committed, so the
 * database itself is asked (a real PostgreSQL, stopped and started by the test).
 */
class CommitTimeOutageTest {

    @TempDir
    static Path root;

    private static StoppablePostgres postgres;
    private final UnexpectedErrors errors = new UnexpectedErrors(new DatabaseProbe(postgres::dataSource));

    @BeforeAll
    static void database() {
        postgres = StoppablePostgres.start(root.resolve("pgdata"));
    }

    /** Each test finds the database running, whatever the one before did to it. */
    @AfterEach
    void startAgain() {
        postgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aBareRollbackAtCommitWhileTheDatabaseIsDownIs503WithAReason() {
        postgres.stop();

        Response answer = errors.toResponse(rolledBackAtCommit(new RollbackException(
                "ARJUNA016053: Could not commit transaction.")));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isNotNull();
        assertThat(answer.getEntity().toString()).contains("database-unavailable")
                .contains("the transaction could not be committed");
    }

    @Test
    void aBareRollbackAtCommitWhileTheDatabaseIsUpStays500() {
        Response answer = errors.toResponse(rolledBackAtCommit(new RollbackException(
                "ARJUNA016053: Could not commit transaction.")));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity().toString()).contains("incident");
    }

    @Test
    void aRollbackWhoseCauseIsTheConnectionIs503WithoutAskingTheDatabase() {
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(errors.toResponse(rolledBackAtCommit(atCommit)).getStatus()).isEqualTo(503);
    }

    @Test
    void aConnectionFailureTheTransactionManagerKeptAsSuppressedIs503() {
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.addSuppressed(new SQLException("This connection has been closed.", "08003"));

        assertThat(DatabaseOutage.reason(rolledBackAtCommit(atCommit))).hasValueSatisfying(reason ->
                assertThat(reason).contains("08003"));
    }

    @Test
    void aRollbackForTheDataStays500EvenWhileTheDatabaseIsDown() {
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        postgres.stop();

        assertThat(errors.toResponse(rolledBackAtCommit(atCommit)).getStatus()).isEqualTo(500);
    }

    /** As WildFly hands a container-managed transaction's failed commit to the caller. */
    private static Throwable rolledBackAtCommit(RollbackException atCommit) {
        return new EJBTransactionRolledbackException("Transaction rolled back", new RuntimeException(atCommit));
    }
}
