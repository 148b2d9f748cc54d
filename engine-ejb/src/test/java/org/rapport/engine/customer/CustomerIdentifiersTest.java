package org.rapport.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** Account and telephone numbers from the CRM find their customer, and are kept only as keyed hashes. */
class CustomerIdentifiersTest extends PersistenceSpec {

    private static final IdentifierKey KEY = new IdentifierKey("a test key of thirty-two bytes!!".getBytes(
            StandardCharsets.US_ASCII));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomerIsFoundByItsAccountNumberOrItsTelephoneNumberWrittenAnyWay(TestDatabase database) {
        on(database);
        store(database, "a", customer("C-1", "AC 10077", "+44 20 7946 0001"), customer("C-2", null, "0161 496 0002"));

        CustomerLookup lookup = lookup(database);

        assertThat(lookup.customerOf(IdentifierKind.ACCOUNT_NUMBER, "ac10077")).contains("C-1");
        assertThat(lookup.customerOf(IdentifierKind.PHONE_NUMBER, "442079460001")).contains("C-1");
        assertThat(lookup.customerOf(IdentifierKind.PHONE_NUMBER, "(0161) 496-0002")).contains("C-2");
        assertThat(lookup.customerOf(IdentifierKind.PHONE_NUMBER, "01614960003")).isEmpty();
        assertThat(lookup.customerOf(IdentifierKind.ACCOUNT_NUMBER, "442079460001"))
                .as("a telephone number is no account number").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theStoreHoldsNoNumberInClear(TestDatabase database) {
        on(database);
        store(database, "b", customer("C-1", "AC10077", "+44 20 7946 0001"));

        List<Object[]> rows = database.read(entityManager -> entityManager
                .createNativeQuery("select * from customer_identifier", Object[].class).getResultList());

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(Arrays.toString(row))
                .doesNotContain("AC10077", "442079460001", "7946 0001"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNumberTheCrmGivesToAnotherCustomerMovesToThatCustomer(TestDatabase database) {
        on(database);
        store(database, "c", customer("C-1", null, "+44 20 7946 0001"));

        store(database, "d", customer("C-9", null, "+44 20 7946 0001"));

        assertThat(lookup(database).customerOf(IdentifierKind.PHONE_NUMBER, "442079460001")).contains("C-9");
        assertThat(count(database, "CustomerIdentifier")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallStoredBeforeItsCallersCustomerIsMatchedWhenACustomerFileGivesTheNumber(TestDatabase database) {
        on(database);
        String awaiting = awaitingRef(database, "442079460001").orElseThrow();
        storeCall(database, "early-call", awaiting);
        assertThat(callers(database)).containsExactly(awaiting)
                .allSatisfy(caller -> assertThat(caller).doesNotContain("442079460001", "7946"));

        store(database, "g", customer("C-1", null, "+44 20 7946 0001"), customer("C-2", "AC1", "0161 496 0002"));

        assertThat(callers(database)).as("matched without the calls being delivered again").containsExactly("C-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNumberNoCustomerHoldsLeavesItsContactsUnmatched(TestDatabase database) {
        on(database);
        String awaiting = awaitingRef(database, "01614960099").orElseThrow();
        storeCall(database, "stranger", awaiting);

        store(database, "h", customer("C-1", null, "+44 20 7946 0001"));

        assertThat(callers(database)).containsExactly(awaiting);
        assertThat(awaitingRef(database, " ")).as("a blank number is no number").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutAKeyACrmFileWithNumbersIsAFaultAndNothingOfItIsStored(TestDatabase database) {
        on(database);
        TransactionalIntake keyless = new TransactionalIntake(database::read, Clock.systemUTC());

        assertThatThrownBy(() -> keyless.store(batch("e", customer("C-1", "AC10077", null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no identifier key");
        assertThat(count(database, "Customer")).isZero();
    }

    private static long count(TestDatabase database, String entity) {
        return database.read(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }

    private static void store(TestDatabase database, String checksumLetter, CustomerRecord... customers) {
        new TransactionalIntake(database::read, Clock.systemUTC(), KEY).store(batch(checksumLetter, customers));
    }

    private static java.util.Optional<String> awaitingRef(TestDatabase database, String phoneNumber) {
        return database.read(entityManager -> new CustomerIdentifiers(entityManager, KEY)
                .awaitingRef(IdentifierKind.PHONE_NUMBER, phoneNumber));
    }

    private static void storeCall(TestDatabase database, String callId, String customerRef) {
        CallRecord call = new CallRecord(2, callId, customerRef, LocalDateTime.parse("2026-10-02T09:00:00"), 30, 60, 200,
                CallOutcome.ANSWERED, true, 0, 0, Boolean.TRUE, "phone");
        new TransactionalIntake(database::read, Clock.systemUTC(), KEY).store(new IntakeBatch(SourceKind.CALLS, "test-pbx",
                callId + ".csv", callId.repeat(64).substring(0, 64), List.of(call), List.of(), null));
    }

    private static List<String> callers(TestDatabase database) {
        return database.read(entityManager -> entityManager.createQuery("select c.customerRef from Call c", String.class)
                .getResultList());
    }

    private static IntakeBatch batch(String checksumLetter, CustomerRecord... customers) {
        return new IntakeBatch(SourceKind.CUSTOMERS, "test-crm", "customers-" + checksumLetter + ".csv",
                checksumLetter.repeat(64), List.of(customers), List.of(), null);
    }

    private static CustomerLookup lookup(TestDatabase database) {
        return (kind, value) -> database.read(entityManager -> new CustomerIdentifiers(entityManager, KEY)
                .customerOf(kind, value));
    }

    private static CustomerRecord customer(String id, String account, String phone) {
        return new CustomerRecord(2, id, "one-year", "north", "high", LocalDate.of(2020, 5, 1), CustomerStatus.ACTIVE,
                null, null, new BigDecimal("840.00"), "phone", true, true, account, phone);
    }
}
