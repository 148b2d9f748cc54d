package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The customers a file's contacts name that the store was found to know, kept while the file is written or staged,
 * and the file's contact rows of no customer counted with them. A staged file matches them in the company's customers
 * first ({@link CompanyCustomers}), read whole beside the file's first chunks; a file written a chunk at a time (H2,
 * customers, replays) looks them up as they come: a customer calls many times a month, and looking
 * every one up again in each 1,000 rows was 14 % of the intake's CPU on H2 (bench/README). A customer found once
 * counts as known for the rest of the file (one withdrawn meanwhile still matches: the unmatched count is the file's
 * as it was stored); customers not found are looked up again, as a customers file stored meanwhile may bring them. At
 * most {@value #LIMIT} are kept, so a large company's file costs a bounded few tens of megabytes. Not thread-safe:
 * one per file.
 */
final class KnownCustomers {

    static final int LIMIT = 250_000;

    private final Set<String> known = new HashSet<>();
    private final Future<CompanyCustomers.Snapshot> coming;
    private final int holdBackAtMost;
    private final List<String> heldBack = new ArrayList<>();
    private CompanyCustomers.Snapshot snapshot;

    /** Customers looked up as the file names them. */
    KnownCustomers() {
        this.coming = null;
        this.holdBackAtMost = 0;
        this.snapshot = CompanyCustomers.Snapshot.NONE;
    }

    /**
     * Customers matched in the company's customers first, read beside the file ({@code coming}); until they have been
     * read, at most {@code holdBackAtMost} rows are held back uncounted, and past that counting waits for them.
     */
    KnownCustomers(Future<CompanyCustomers.Snapshot> coming, int holdBackAtMost) {
        this.coming = coming;
        this.holdBackAtMost = holdBackAtMost;
    }

    boolean knows(String customerRef) {
        return snapshot != null && snapshot.holds(customerRef) || known.contains(customerRef);
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
     * connection, the customers not known yet, and remembers those found. While the company's customers are still
     * being read, the chunk's rows are held back and count 0 here; they are counted with the first chunk after, or by
     * {@link #unmatchedHeldBack}.
     */
    int unmatched(Connection connection, SqlDialect dialect, List<String> contactRefs) throws SQLException {
        return count(connection, dialect, contactRefs, false);
    }

    /** How many of the rows held back name no customer the store holds: waits for the company's customers. */
    int unmatchedHeldBack(Connection connection, SqlDialect dialect) throws SQLException {
        return count(connection, dialect, List.of(), true);
    }

    private int count(Connection connection, SqlDialect dialect, List<String> chunk, boolean waiting)
            throws SQLException {
        List<String> contactRefs = chunk;
        if (snapshot == null) {
            if (!waiting && !coming.isDone() && heldBack.size() + chunk.size() <= holdBackAtMost) {
                heldBack.addAll(chunk);
                return 0;
            }
            snapshot = arrived();
            contactRefs = new ArrayList<>(heldBack);
            contactRefs.addAll(chunk);
            heldBack.clear();
        }
        // each reference looked up in memory once: in a set of 1,000,000, a look-up is a few misses of the CPU's caches
        int unmatched = 0;
        List<String> missed = new ArrayList<>();
        for (String ref : contactRefs) {
            if (ref == null) {
                unmatched++;
            } else if (!knows(ref)) {
                missed.add(ref);
            }
        }
        if (!missed.isEmpty()) {
            Set<String> foundNow = held(connection, dialect, new HashSet<>(missed));
            remember(foundNow);
            for (String ref : missed) {
                if (!foundNow.contains(ref)) {
                    unmatched++;
                }
            }
        }
        return unmatched;
    }

    /** The company's customers, waited for. */
    private CompanyCustomers.Snapshot arrived() throws SQLException {
        try {
            return coming.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the company's customers were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The company's customers could not be read", e.getCause());
        }
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
