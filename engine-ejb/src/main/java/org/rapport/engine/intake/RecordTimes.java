package org.rapport.engine.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The time a record states, for how fresh a source is: a call's start, a response's time, a
 * purchase's day, a service case's latest event (opened or closed), a customer's latest date (joined
 * or left). Times are local as the source states them; service-case instants count in UTC.
 */
final class RecordTimes {

    private RecordTimes() {
    }

    /** The record's time, or null when it states none. */
    static LocalDateTime of(CanonicalRecord record) {
        // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
        if (record instanceof CallRecord call) {
            return call.startedAt();
        } else if (record instanceof SurveyResponseRecord response) {
            return response.respondedAt();
        } else if (record instanceof PurchaseRecord purchase) {
            return startOf(purchase.purchasedOn());
        } else if (record instanceof ServiceCaseRecord serviceCase) {
            Instant latest = serviceCase.closedAt() != null && serviceCase.closedAt().isAfter(serviceCase.openedAt())
                    ? serviceCase.closedAt() : serviceCase.openedAt();
            return latest == null ? null : LocalDateTime.ofInstant(latest, ZoneOffset.UTC);
        } else if (record instanceof CustomerRecord customer) {
            return later(startOf(customer.customerSince()), startOf(customer.churnedOn()));
        }
        throw new IllegalArgumentException("No time for " + record.getClass().getSimpleName());
    }

    /** The later of two times, either of which may be null. */
    static LocalDateTime later(LocalDateTime one, LocalDateTime other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }

    private static LocalDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay();
    }
}
