package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.intake.Deliveries.checksum;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * The company's customers as staged files match them: read whole when the store holds more than are kept, and grown
 * by a customers file as it is stored on PostgreSQL, where staged files use them, instead of being read again.
 */
class CompanyCustomersTest extends PersistenceSpec {

    /**
     * Proven grown, not read: a reference changed behind the intake's back (which the intake never does: a customer's
     * reference is its key) is seen only by a snapshot read from the store.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileStoredOnPostgresqlGrowsTheCompanysCustomersInsteadOfTheirBeingReadAgain(
            TestDatabase database) {
        on(database);
        CompanyCustomers company = new CompanyCustomers();
        Intake intake = new TransactionalIntake(database::read, Clock.systemUTC(), null, ReadAhead.plainThreads(),
                ChunkedIntake.COMMIT_EVERY, company);
        intake.store(Deliveries.customers("customers-1.csv", checksum('a'), List.of(
                Deliveries.customer(2, "C-1", "monthly"), Deliveries.customer(3, "C-2", "monthly"))));
        intake.store(Deliveries.customers("customers-2.csv", checksum('b'), List.of(
                Deliveries.customer(2, "C-2", "annual"), Deliveries.customer(3, "C-3", "monthly"))));
        database.write(entityManager -> entityManager.createNativeQuery(
                "update customer set external_id = 'X-1' where external_id = 'C-1'").executeUpdate());

        CompanyCustomers.Snapshot now = snapshot(database, company);

        assertThat(now.size()).isEqualTo(3);
        if (database == TestDatabase.POSTGRESQL) {
            assertThat(List.of("C-1", "C-2", "C-3")).as("grown by both files").allMatch(now::holds);
            assertThat(now.holds("X-1")).isFalse();
        } else {
            assertThat(List.of("X-1", "C-2", "C-3")).as("read: H2 stages no file and keeps none").allMatch(now::holds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void customersStoredBehindTheSnapshotsBackHaveItReadAgain(TestDatabase database) {
        on(database);
        CompanyCustomers company = new CompanyCustomers();
        storeCustomers(database, "customers.csv", checksum('c'), "C-1");
        CompanyCustomers.Snapshot first = snapshot(database, company);
        assertThat(snapshot(database, company)).as("kept while the store holds as many").isSameAs(first);

        storeCustomers(database, "more.csv", checksum('d'), "C-2");

        assertThat(snapshot(database, company)).isNotSameAs(first)
                .satisfies(again -> assertThat(again.holds("C-2")).isTrue());
    }

    /**
     * A restore under a running server: the customers emptied (truncated on PostgreSQL, as a restore makes the table
     * anew; deleted on H2) and as many others loaded, which their count alone would not tell.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void customersReplacedByAsManyOthersHaveTheSnapshotReadAgain(TestDatabase database) {
        on(database);
        CompanyCustomers company = new CompanyCustomers();
        storeCustomers(database, "customers.csv", checksum('e'), "C-1", "C-2");
        CompanyCustomers.Snapshot before = snapshot(database, company);
        assertThat(before.holds("C-1")).isTrue();

        database.write(entityManager -> entityManager.createNativeQuery(database == TestDatabase.POSTGRESQL
                ? "truncate table customer" : "delete from customer").executeUpdate());
        storeCustomers(database, "restored.csv", checksum('f'), "R-1", "R-2");

        CompanyCustomers.Snapshot after = snapshot(database, company);
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(List.of("R-1", "R-2")).as("read from the restored table").allMatch(after::holds);
        assertThat(after.holds("C-1")).isFalse();
    }

    /** A customers file of monthly customers with these references, one a line from line 2, stored on its own. */
    private static void storeCustomers(TestDatabase database, String fileName, String checksum, String... references) {
        List<CustomerRecord> rows = new ArrayList<>();
        for (int index = 0; index < references.length; index++) {
            rows.add(Deliveries.customer(index + 2, references[index], "monthly"));
        }
        new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.customers(fileName, checksum, rows));
    }

    private static CompanyCustomers.Snapshot snapshot(TestDatabase database, CompanyCustomers company) {
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(company::now));
    }
}
