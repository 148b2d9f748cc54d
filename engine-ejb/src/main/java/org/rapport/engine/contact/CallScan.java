package org.rapport.engine.contact;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * How a native statement names the calls table when it reads the calls of some days. PostgreSQL's planner weighs the
 * day index against a scan of the table itself. H2's takes the index whenever a condition names its column, and then
 * looks each row up by its id, which costs several times a row read in a scan of the table: on the benchmark's
 * 100,000-customer month (one month of calls held), scoring's grouping of the 90 days' calls took 11.0–12.6 s through
 * the index and 4.4–4.7 s scanning, an 8-day window of the measuring step 2.7–6.0 s and 1.9–2.9 s (bench/README, "H2:
 * the calls scanned when the days hold most of them"). So on H2, when the days cover at least {@value #SCAN_FROM_SHARE}
 * of the days the table's calls span, the table is scanned ({@code use index ()}); a window of a longer history goes
 * through the index.
 */
public final class CallScan {

    /** The share of the table's days from which H2 scans: about the ratio of a row's cost in a scan to one looked up. */
    static final double SCAN_FROM_SHARE = 0.2;

    private CallScan() {
    }

    /** {@code call_record <alias>}, on H2 with the hint to scan when {@code days} hold a large share of the calls. */
    public static String table(EntityManager entityManager, CallDays days, String alias) {
        String table = "call_record " + alias;
        return scans(entityManager, days) ? table + " use index ()" : table;
    }

    /**
     * Whether the calls of {@code days} are read by scanning the table: on H2, when they cover at least
     * {@value #SCAN_FROM_SHARE} of the days its calls span. A reader cutting those days into parts gains nothing then,
     * each part scanning the whole table.
     */
    public static boolean scans(EntityManager entityManager, CallDays days) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            if (!connection.getMetaData().getDatabaseProductName().startsWith("H2")) {
                return false;
            }
            try (var span = connection.prepareStatement("select min(started_on), max(started_on) from call_record");
                    var result = span.executeQuery()) {
                result.next();
                Date first = result.getDate(1);
                Date last = result.getDate(2);
                return first != null && share(days, first.toLocalDate(), last.toLocalDate()) >= SCAN_FROM_SHARE;
            }
        });
    }

    /** The share of the days from {@code first} to {@code last} that {@code days} cover. */
    static double share(CallDays days, LocalDate first, LocalDate last) {
        LocalDate from = days.first().isAfter(first) ? days.first() : first;
        LocalDate to = days.last().isBefore(last) ? days.last() : last;
        if (to.isBefore(from)) {
            return 0;
        }
        return (ChronoUnit.DAYS.between(from, to) + 1) / (double) (ChronoUnit.DAYS.between(first, last) + 1);
    }
}
