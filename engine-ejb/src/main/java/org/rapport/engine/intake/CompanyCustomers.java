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
 * file, then, costs no reading); a reference it misses is looked up in the database before it is counted unmatched. Kept
 * softly: under memory pressure the snapshot (about 56 bytes a customer) is let go and read again when next needed.
 * Thread-safe.
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
        long count = count(connection);
        LOG.fine(() -> String.format("%,d customers counted in %.2f s", count, (System.nanoTime() - started) / 1e9));
        Snapshot kept = keptIfWhole(count);
        if (kept != null) {
            return kept;
        }
        synchronized (reading) {
            kept = keptIfWhole(count);
            if (kept == null) {
                kept = read(connection);
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
        long count = count(connection);
        Snapshot kept = keptIfWhole(count);
        if (kept == null && count == 0) {
            return Snapshot.NONE;
        }
        return kept;
    }

    /**
     * The snapshot held, if it holds as many customers as the store's {@code count}: then it holds every one (a
     * reference read once stays true, as customers are never deleted); null otherwise.
     */
    private Snapshot keptIfWhole(long count) {
        Snapshot kept = held.get();
        return kept != null && kept.size() == count ? kept : null;
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
            held = new SoftReference<>(new Snapshot(references));
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from customer");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Snapshot read(Connection connection) throws SQLException {
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
        return new Snapshot(references);
    }

    /** The customers' references as they were read: never changed once read. */
    static final class Snapshot {

        static final Snapshot NONE = new Snapshot(new ObjectHashSet<>());

        private final ObjectHashSet<String> references;

        private Snapshot(ObjectHashSet<String> references) {
            this.references = references;
        }

        boolean holds(String customerRef) {
            return references.contains(customerRef);
        }

        int size() {
            return references.size();
        }
    }
}
