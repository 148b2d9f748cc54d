package org.rapport.engine.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.CustomerStatus;

/** Deliveries made up in a test: calls, customers and purchases with known figures. */
final class Deliveries {

    private Deliveries() {
    }

    /** A calls delivery whose rows are handed over one by one, as a format reading a file does. */
    static Delivery calls(String source, String fileName, String checksum, List<CallRecord> calls,
            List<QuarantinedRow> quarantined) {
        return new Delivery(SourceKind.CALLS, source, fileName, checksum, "calls/.done/" + fileName, sink -> {
            calls.forEach(sink::record);
            quarantined.forEach(sink::quarantine);
            return null;
        });
    }

    /** {@code count} answered calls of customer {@code customerRef} (null: unknown caller), a minute apart. */
    static List<CallRecord> calls(int count, String customerRef, String firstStart) {
        return IntStream.range(0, count)
                .mapToObj(i -> call(i + 2, "K-" + i, customerRef, LocalDateTime.parse(firstStart).plusMinutes(i)))
                .toList();
    }

    static CallRecord call(long line, String callRef, String customerRef, LocalDateTime startedAt) {
        return new CallRecord(line, callRef, customerRef, startedAt, 30, 60, 200, CallOutcome.ANSWERED, true, 0, 0,
                Boolean.TRUE, "phone");
    }

    static CustomerRecord customer(long line, String externalId, String segment) {
        return new CustomerRecord(line, externalId, segment, "north", "high", LocalDate.of(2020, 5, 1),
                CustomerStatus.ACTIVE, null, null, new BigDecimal("840.00"), "phone", true, true);
    }

    static Delivery customers(String fileName, String checksum, List<CustomerRecord> customers) {
        return new Delivery(SourceKind.CUSTOMERS, "test-crm", fileName, checksum, "customers/.done/" + fileName,
                sink -> {
                    customers.forEach(sink::record);
                    return null;
                });
    }

    static QuarantinedRow badRow(long line) {
        return new QuarantinedRow(line, "ivr_seconds", "'-5' is negative", line + ",C1,...");
    }

    /** A 64-character stand-in for a SHA-256. */
    static String checksum(char letter) {
        return String.valueOf(letter).repeat(64);
    }
}
