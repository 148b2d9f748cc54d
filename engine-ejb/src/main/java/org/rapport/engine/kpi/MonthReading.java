package org.rapport.engine.kpi;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallDays;
import org.rapport.engine.contact.CallScan;

/**
 * A month's records read ahead in parts, each short enough for a transaction of its own, before the
 * measuring step works the figures out from them and stores them in its own: the month's callers, its calls window by
 * window (in one part when they are read by scanning the calls table, {@link CallScan}) and the week after it, its answers, its customer base. What is read are sums by slice, a few thousand numbers whatever
 * the month's size. Not thread-safe; kept for one measuring.
 */
public final class MonthReading {

    /**
     * One part to read.
     *
     * @param what "callers" (the customers calls are sliced by), "calls", "followers" (calls of the week after
     *             the month), "answers" or "customers"
     * @param from for calls and followers, the window's start (inclusive); else null
     * @param to   for calls and followers, the window's end (exclusive); else null
     */
    public record Part(String what, LocalDateTime from, LocalDateTime to) {

        @Override
        public String toString() {
            return from == null ? what : what + " " + from + " – " + to;
        }
    }

    private final ReportingMonth month;
    private final ZoneId zone;
    private final MonthPasses passes;
    private final boolean callsScanned;

    /** @param zone the contact centre's time zone, in which service-case instants are read (as the measures' own) */
    public MonthReading(EntityManager entityManager, ReportingMonth month, ZoneId zone) {
        this.month = month;
        this.zone = zone;
        this.passes = new MonthPasses(entityManager);
        this.callsScanned = CallScan.scans(entityManager, CallDays.between(month.startTime(), month.endTime()));
    }

    ZoneId zone() {
        return zone;
    }

    public ReportingMonth month() {
        return month;
    }

    /** Every part of the month, in the order to read them. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("callers", null, null));
        CallMonth.windows(month, callsScanned).forEach(window -> parts.add(new Part("calls", window[0], window[1])));
        LocalDateTime[] weekAfter = CallMonth.weekAfter(month);
        parts.add(new Part("followers", weekAfter[0], weekAfter[1]));
        parts.add(new Part("answers", null, null));
        parts.add(new Part("customers", null, null));
        return parts;
    }

    /** Reads {@code part} into this reading with {@code entityManager} (that of the part's transaction). */
    public void read(Part part, EntityManager entityManager) {
        passes.using(entityManager);
        switch (part.what()) {
            case "callers" -> passes.readCallers(month);
            case "calls" -> passes.readCalls(month, part.from(), part.to());
            case "followers" -> passes.readFollowers(month, part.from(), part.to());
            case "answers" -> VoiceOfCustomerMeasures.readAnswers(passes, month, zone);
            case "customers" -> passes.customers(month);
            default -> throw new IllegalArgumentException("No part " + part);
        }
    }

    MonthPasses passes() {
        return passes;
    }
}
