package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The customers a file's contacts name that the store was found to know, kept while the file is written or staged,
 * and the file's contact rows of no customer counted with them. A staged file matches them in the company's customers
 * first ({@link CompanyCustomers}), read whole; a file written a chunk at a time (H2, customers, replays) looks them up
 * as they come: a customer calls many times a month, and looking
 * every one up again in each 1,000 rows was 14 % of the intake's CPU on H2 (bench/README). A customer found once
 * counts as known for the rest of the file (one withdrawn meanwhile still matches: the unmatched count is the file's
 * as it was stored); customers not found are looked up again, as a customers file stored meanwhile may bring them. At
 * most {@value #LIMIT} are kept, so a large company's file costs a bounded few tens of megabytes. Not thread-safe:
 * one per file.
 */
final class KnownCustomers {

    static final int LIMIT = 250_000;

    private final Set<String> known = new HashSet<>();
    private final CompanyCustomers company;
    private CompanyCustomers.Snapshot snapshot;

    /** Customers looked up as the file names them. */
    KnownCustomers() {
        this.company = null;
        this.snapshot = CompanyCustomers.Snapshot.NONE;
    }

    /** Customers matched in {@code company}'s snapshot first, taken when the file's first rows are counted. */
    KnownCustomers(CompanyCustomers company) {
        this.company = company;
    }

    boolean knows(String customerRef) {
        return known.contains(customerRef) || snapshot != null && snapshot.holds(customerRef);
    }

    /** Remembers {@code found} as known, while fewer than {@value #LIMIT} are. */
    void remember(Collection<String> found) {
        for (String customerRef : found) {
            if (known.size() >= LIMIT) {
                return;
            }
            known.add(customerRef);
        }
    }

    int size() {
        return known.size();
    }

    /**
     * How many of a chunk's contact rows name no customer the store holds: {@code contactRefs} has a row's customer
     * reference for each row, null for a row that names none (which matches nothing). Looks up, on the caller's
     * connection, the customers not known yet, and remembers those found.
     */
    int unmatched(Connection connection, SqlDialect dialect, List<String> contactRefs) throws SQLException {
        if (snapshot == null) {
            snapshot = company.now(connection);
        }
        Set<String> toLookUp = new HashSet<>();
        for (String ref : contactRefs) {
            if (ref != null && !knows(ref)) {
                toLookUp.add(ref);
            }
        }
        Set<String> foundNow = toLookUp.isEmpty() ? Set.of() : held(connection, dialect, toLookUp);
        remember(foundNow);
        int unmatched = 0;
        for (String ref : contactRefs) {
            if (ref == null || !(foundNow.contains(ref) || knows(ref))) {
                unmatched++;
            }
        }
        return unmatched;
    }

    /** Which of {@code refs} the store holds, in as few statements as the database takes a list of keys in. */
    private static Set<String> held(Connection connection, SqlDialect dialect, Set<String> refs) throws SQLException {
        Object[] wanted = refs.toArray();
        int atOnce = dialect == SqlDialect.POSTGRESQL ? wanted.length : RecordUpsert.KEYS_AT_ONCE;
        Set<String> found = new HashSet<>();
        for (int first = 0; first < wanted.length; first += atOnce) {
            Object[] some = Arrays.copyOfRange(wanted, first, Math.min(wanted.length, first + atOnce));
            try (PreparedStatement statement = connection.prepareStatement(heldSql(dialect))) {
                RecordUpsert.bindKeys(dialect, connection, statement, some);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * PostgreSQL looks each reference up on its own ({@code lateral}): given them as one list of 10,000, it scanned
     * the whole customers table for every chunk (1,000,000 customers: a survey file's 209,656 answers written in
     * 5.0 s, the backend busy in the scan's hashed list).
     */
    private static String heldSql(SqlDialect dialect) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return "select held.external_id from unnest(?) wanted(external_id) cross join lateral"
                    + " (select external_id from customer where external_id = wanted.external_id limit 1) held";
        }
        return "select external_id from customer where external_id " + RecordUpsert.anyOf(dialect);
    }
}
