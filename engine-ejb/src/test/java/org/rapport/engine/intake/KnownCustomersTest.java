package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.intake.Deliveries.checksum;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * A file's contact rows of no customer held are counted a chunk at a time, as both intakes count them (H2 writing a
 * chunk, PostgreSQL staging one): each row once, a customer found once known for the rest of the file, one not found
 * looked up again.
 */
class KnownCustomersTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachRowNamingNoCustomerOrOneNotHeldIsUnmatched(TestDatabase database) {
        on(database);
        storeCustomers(database, "a", "C-1");
        KnownCustomers known = new KnownCustomers();

        int unmatched = unmatched(database, known, "C-1", "C-9", null, "C-1", "C-9");

        assertThat(unmatched).as("C-9's two rows and the row naming none").isEqualTo(3);
        assertThat(known.knows("C-1")).isTrue();
        assertThat(known.knows("C-9")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomerFoundOnceCountsAsKnownForTheRestOfTheFile(TestDatabase database) {
        on(database);
        storeCustomers(database, "a", "C-1");
        KnownCustomers known = new KnownCustomers();
        assertThat(unmatched(database, known, "C-1")).isZero();
        database.write(entityManager -> entityManager.createNativeQuery("delete from customer").executeUpdate());

        assertThat(unmatched(database, known, "C-1")).as("matched as the file's first chunk found it").isZero();
        assertThat(unmatched(database, new KnownCustomers(), "C-1")).as("in another file").isOne();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomerNotFoundIsLookedUpAgainInTheNextChunk(TestDatabase database) {
        on(database);
        KnownCustomers known = new KnownCustomers();
        assertThat(unmatched(database, known, "C-2")).isOne();

        storeCustomers(database, "b", "C-2");

        assertThat(unmatched(database, known, "C-2")).as("brought by a customers file meanwhile").isZero();
    }

    /** More customers than H2 takes in one list are looked up in as many lists as they need. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChunkNamingMoreCustomersThanOneLookUpTakesIsCountedWhole(TestDatabase database) {
        on(database);
        int named = RecordUpsert.KEYS_AT_ONCE * 2 + 500;
        storeCustomers(database, "c", IntStream.range(0, named).filter(i -> i % 2 == 0).mapToObj(i -> "C-" + i)
                .toArray(String[]::new));

        int unmatched = unmatched(database, new KnownCustomers(),
                IntStream.range(0, named).mapToObj(i -> "C-" + i).toArray(String[]::new));

        assertThat(unmatched).as("the odd ones").isEqualTo(named / 2);
    }

    /**
     * A staged file matches its rows in the company's customers read whole; a customer stored since they were read is
     * looked up before its rows are counted unmatched.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStagedFileMatchesInTheCompanysCustomersAndLooksUpTheOnesStoredSince(TestDatabase database) {
        on(database);
        storeCustomers(database, "d", "C-1", "C-2");
        CompanyCustomers company = new CompanyCustomers();
        KnownCustomers known = new KnownCustomers(CompletableFuture.completedFuture(snapshot(database, company)), 0);
        assertThat(unmatched(database, known, "C-1", "C-3")).isOne();

        storeCustomers(database, "e", "C-3");

        assertThat(unmatched(database, known, "C-2", "C-3")).as("C-3 looked up, not in the file's snapshot").isZero();
    }

    /**
     * While the company's customers are still being read beside the file, its chunks' rows are held back, then
     * counted with the first chunk after they have been; past the most it holds back, counting waits for them.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsStagedWhileTheCompanysCustomersAreReadAreCountedOnceTheyHaveBeen(TestDatabase database) {
        on(database);
        storeCustomers(database, "f", "C-1");
        CompletableFuture<CompanyCustomers.Snapshot> coming = new CompletableFuture<>();
        KnownCustomers known = new KnownCustomers(coming, 3);

        assertThat(unmatched(database, known, "C-1", "C-2")).as("held back").isZero();
        coming.complete(snapshot(database, new CompanyCustomers()));

        assertThat(unmatched(database, known, (String) null)).as("the held back C-2, and the row naming none").isEqualTo(2);
        assertThat(heldBack(database, known)).as("none left").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsHeldBackAreCountedWhenTheFileEndsAndCountingWaitsPastTheMostItHoldsBack(TestDatabase database) {
        on(database);
        storeCustomers(database, "g", "C-1");
        CompletableFuture<CompanyCustomers.Snapshot> coming = new CompletableFuture<>();
        KnownCustomers known = new KnownCustomers(coming, 3);
        assertThat(unmatched(database, known, "C-9", "C-1")).isZero();
        CompletableFuture<Integer> pastTheMost = CompletableFuture.supplyAsync(() -> unmatched(database, known,
                "C-8", "C-1"));
        assertThat(pastTheMost).as("waits for the company's customers").isNotDone();

        coming.complete(snapshot(database, new CompanyCustomers()));

        assertThat(pastTheMost.join()).as("C-9 held back and C-8").isEqualTo(2);
        CompletableFuture<CompanyCustomers.Snapshot> comingAgain = new CompletableFuture<>();
        KnownCustomers another = new KnownCustomers(comingAgain, 10);
        assertThat(unmatched(database, another, "C-7")).isZero();
        comingAgain.complete(snapshot(database, new CompanyCustomers()));
        assertThat(heldBack(database, another)).as("counted when the file ends").isOne();
    }

    private static int heldBack(TestDatabase database, KnownCustomers known) {
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(connection ->
                known.unmatchedHeldBack(connection, SqlDialect.of(connection))));
    }

    private static CompanyCustomers.Snapshot snapshot(TestDatabase database, CompanyCustomers company) {
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(company::now));
    }

    private static int unmatched(TestDatabase database, KnownCustomers known, String... contactRefs) {
        List<String> refs = Arrays.asList(contactRefs);
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(connection ->
                known.unmatched(connection, SqlDialect.of(connection), refs)));
    }

    private static void storeCustomers(TestDatabase database, String checksumLetter, String... externalIds) {
        List<CustomerRecord> customers = new ArrayList<>();
        for (String externalId : externalIds) {
            customers.add(Deliveries.customer(customers.size() + 2L, externalId, "monthly"));
        }
        new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.customers("customers.csv",
                checksum(checksumLetter.charAt(0)), customers));
    }
}
