package org.rapport.engine.intake;

import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import com.carrotsearch.hppc.ObjectHashSet;

/**
 * The references of every customer the store holds, read whole once and kept by this process while the store holds
 * as many customers, so that a staged file's contact rows are matched to their customers in memory ({@link
 * KnownCustomers}): looked up in the database, a file's rows cost about 17 µs each (1,000,000 customers), and counted
 * there when the file was merged, every part read all the company's customers (about a second a part).
 * <p>
 * Customers are never deleted (they are upserts by their reference, see {@link BatchReplacement}), so a reference read
 * once stays true: a snapshot can only miss customers stored since, and it is read again when the store holds more
 * customers than it does, or grown by a customers file as it is stored ({@link #grown}: a company's monthly customers
 * file, then, costs no reading); a reference it misses is looked up in the database before it is counted unmatched.
 * What Rapport never does, an administrator may: a database restored, or its customers emptied and loaded again, under
 * a running server. So a snapshot is also kept only while the customers table is the one it was read from ({@link
 * Census}). Kept softly: under memory pressure the snapshot (about 56 bytes a customer) is let go and read again when
 * next needed. Thread-safe.
 */
@ApplicationScoped
public class CompanyCustomers {

    private static final Logger LOG = Logger.getLogger(CompanyCustomers.class.getName());

    /** Rows fetched at a time while the references are read, so the driver never holds them all at once. */
    private static final int FETCH = 10_000;

    private final Object reading = new Object();
    private volatile SoftReference<Snapshot> held = new SoftReference<>(null);

    /** The customers the store holds now, as a snapshot read when this process last found it short of them. */
    Snapshot now(Connection connection) throws SQLException {
        long started = System.nanoTime();
        Census census = Census.of(connection);
        LOG.fine(() -> String.format("%,d customers counted in %.2f s", census.customers(),
                (System.nanoTime() - started) / 1e9));
        Snapshot kept = keptIfWhole(census);
        if (kept != null) {
            return kept;
        }
        synchronized (reading) {
            kept = keptIfWhole(census);
            if (kept == null) {
                kept = read(connection, census.table());
                held = new SoftReference<>(kept);
            }
            return kept;
        }
    }

    /**
     * The snapshot held now if it is every customer the store holds, for a customers file about to be written to
     * grow ({@link #grown}) instead of its being read again; null when it is not, and on a database whose files are
     * not staged (H2), which never reads it.
     */
    Snapshot whole(Connection connection) throws SQLException {
        if (SqlDialect.of(connection) != SqlDialect.POSTGRESQL) {
            return null;
        }
        Census census = Census.of(connection);
        Snapshot kept = keptIfWhole(census);
        if (kept == null && census.customers() == 0) {
            return new Snapshot(new ObjectHashSet<>(), census.table());
        }
        return kept;
    }

    /**
     * The snapshot held, if it was read from the customers table the store has now and holds as many customers as
     * it does: then it holds every one (a reference read once stays true, as customers are never deleted); null
     * otherwise.
     */
    private Snapshot keptIfWhole(Census census) {
        Snapshot kept = held.get();
        return kept != null && kept.table.equals(census.table()) && kept.size() == census.customers() ? kept : null;
    }

    /**
     * Keeps {@code base} grown by the customers a file wrote, once its batch is accepted, unless another snapshot was
     * read meanwhile. Whether it is then whole is checked as always when it is next used ({@link #now}).
     */
    void grown(Snapshot base, Collection<String> written) {
        synchronized (reading) {
            Snapshot kept = held.get();
            if (kept != null && kept != base) {
                return;
            }
            ObjectHashSet<String> references = new ObjectHashSet<>(base.size() + written.size());
            references.addAll(base.references);
            written.forEach(references::add);
            held = new SoftReference<>(new Snapshot(references, base.table));
        }
    }

    private static Snapshot read(Connection connection, String table) throws SQLException {
        long started = System.nanoTime();
        ObjectHashSet<String> references = new ObjectHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("select external_id from customer")) {
            statement.setFetchSize(FETCH);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    references.add(rows.getString(1));
                }
            }
        }
        LOG.fine(() -> String.format("%,d customers' references read in %.2f s", references.size(),
                (System.nanoTime() - started) / 1e9));
        return new Snapshot(references, table);
    }

    /**
     * How many customers the store holds, and which customers table holds them. On PostgreSQL the table is named by
     * its database and the file its rows are in, which a restore, a truncate or a table made anew changes (so does a
     * {@code VACUUM FULL}: the snapshot is then read again for nothing); on H2, whose files are never staged, by its
     * highest id, which grows whenever customers are loaded again.
     */
    record Census(long customers, String table) {

        static Census of(Connection connection) throws SQLException {
            String sql = SqlDialect.of(connection) == SqlDialect.POSTGRESQL
                    ? "select (select count(*) from customer), (select oid from pg_database"
                            + " where datname = current_database()) || ':' || pg_relation_filenode('customer')"
                    : "select count(*), cast(coalesce(max(id), 0) as varchar) from customer";
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Census(rows.getLong(1), rows.getString(2));
            }
        }
    }

    /** The customers' references as they were read: never changed once read. */
    static final class Snapshot {

        /** No customers: what a file is matched against where no snapshot is kept (H2). */
        static final Snapshot NONE = new Snapshot(new ObjectHashSet<>(), "");

        private final ObjectHashSet<String> references;
        /** The customers table it was read from ({@link Census#table()}). */
        private final String table;

        private Snapshot(ObjectHashSet<String> references, String table) {
            this.references = references;
            this.table = table;
        }

        boolean holds(String customerRef) {
            return references.contains(customerRef);
        }

        int size() {
            return references.size();
        }
    }
}
