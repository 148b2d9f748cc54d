package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.survey.SurveyResponse;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class BatchStoreTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesEveryRowOfAFileLargerThanOneFlushAlongsideItsQuarantinedRows(TestDatabase database) {
        on(database);
        // past the larger of the two databases' flushes: PostgreSQL writes ten times H2's records at once
        int rows = SqlDialect.POSTGRESQL.recordsAtOnce() + BatchStore.FLUSH_EVERY * 2 + 17;
        IntakeBatch file = Facts.callsFile("a".repeat(64), rows);
        IntakeBatch withBadRow = new IntakeBatch(file.kind(), file.source(), file.fileName(), file.checksum(),
                file.records(), List.of(new QuarantinedRow(9, "ivr_seconds", "'-5' is negative", "9,C1,...")), null);

        IntakeReceipt receipt = database.read(entityManager -> Facts.store(entityManager).store(withBadRow));

        assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(receipt.rowsAccepted()).isEqualTo(rows);
        assertThat(receipt.rowsQuarantined()).isEqualTo(1);
        assertThat(count(database, "Call")).isEqualTo(rows);
        QuarantinedRecord quarantined = database.read(entityManager -> entityManager
                .createQuery("select q from QuarantinedRecord q join fetch q.batch", QuarantinedRecord.class)
                .getSingleResult());
        assertThat(quarantined.getLine()).isEqualTo(9);
        assertThat(quarantined.getField()).isEqualTo("ivr_seconds");
        assertThat(quarantined.getBatch().getName()).isEqualTo("calls.csv");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void newRecordsKeepTabsLineBreaksBackslashesAndNullsAsDelivered(TestDatabase database) {
        on(database);
        // PostgreSQL takes new records through COPY's text format, where each of these means something
        String comment = "waited\tlong\r\nthen C:\\help \\N was \"no\"";
        List<CanonicalRecord> responses = IntStream.range(0, 12).<CanonicalRecord>mapToObj(i ->
                new SurveyResponseRecord(i + 2L, "R-" + i, i % 2 == 0 ? null : "C-1",
                        LocalDateTime.parse("2026-10-03T10:00:00").plusMinutes(i), "relationship", "call", i % 11, null,
                        null, i == 7 ? comment : null)).toList();
        IntakeBatch file = new IntakeBatch(SourceKind.SURVEY_RESPONSES, "test-survey", "answers.csv", "t".repeat(64),
                responses, List.of(), null);

        database.read(entityManager -> Facts.store(entityManager).store(file));

        SurveyResponse stored = database.read(entityManager -> entityManager.createQuery(
                "select r from SurveyResponse r where r.responseRef = 'R-7'", SurveyResponse.class).getSingleResult());
        long blank = database.read(entityManager -> entityManager.createQuery(
                "select count(r) from SurveyResponse r where r.comment is null and r.customerRef is null"
                        + " and r.csat is null", Long.class).getSingleResult());
        assertThat(stored.getComment()).isEqualTo(comment);
        assertThat(stored.getRespondedAt()).isEqualTo(LocalDateTime.parse("2026-10-03T10:07:00"));
        assertThat(blank).as("nulls stay null").isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameContentDeliveredTwiceIsRecordedButCountedOnce(TestDatabase database) {
        on(database);
        IntakeBatch file = Facts.callsFile("b".repeat(64), 5);

        IntakeReceipt first = database.read(entityManager -> Facts.store(entityManager).store(file));
        IntakeReceipt second = database.read(entityManager -> Facts.store(entityManager).store(file));

        assertThat(second.status()).isEqualTo(BatchStatus.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.batchId());
        assertThat(second.rowsAccepted()).isZero();
        assertThat(count(database, "Call")).isEqualTo(5);
        assertThat(count(database, "SourceBatch")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRejectedFileKeepsItsReasonAndStoresNoRecords(TestDatabase database) {
        on(database);
        IntakeBatch rejected = IntakeBatch.rejected(SourceKind.CALLS, "test-ivr", "calls.csv", "c".repeat(64),
                new QuarantinedRow(1, "outcome", "missing column 'outcome' in the header", "call_id,customer_id"));

        IntakeReceipt receipt = database.read(entityManager -> Facts.store(entityManager).store(rejected));

        assertThat(receipt.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(receipt.message()).contains("line 1", "outcome");
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(count(database, "Call")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomerDeliveredAgainIsUpdatedInPlace(TestDatabase database) {
        on(database);
        database.read(entityManager -> Facts.store(entityManager).store(customers("d", null)));
        database.read(entityManager -> Facts.store(entityManager).store(customers("e", LocalDate.of(2026, 10, 3))));

        Customer customer = database.read(entityManager -> entityManager
                .createQuery("select c from Customer c where c.externalId = 'C-1'", Customer.class).getSingleResult());
        assertThat(count(database, "Customer")).isEqualTo(1);
        assertThat(customer.getStatus()).isEqualTo(CustomerStatus.CHURNED);
        assertThat(customer.getChurnedOn()).isEqualTo(LocalDate.of(2026, 10, 3));
    }

    private static IntakeBatch customers(String checksumLetter, LocalDate churnedOn) {
        CustomerRecord customer = new CustomerRecord(2, "C-1", "one-year", "north", "high", LocalDate.of(2020, 5, 1),
                churnedOn == null ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED, churnedOn, null,
                new BigDecimal("840.00"), "phone", true, true);
        return new IntakeBatch(SourceKind.CUSTOMERS, "test-crm", "customers.csv", checksumLetter.repeat(64),
                List.of(customer), List.of(), null);
    }

    private static long count(TestDatabase database, String entity) {
        return database.read(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }
}
