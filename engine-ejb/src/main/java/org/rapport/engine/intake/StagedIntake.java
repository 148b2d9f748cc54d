package org.rapport.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.rapport.engine.concurrent.SideBySide;

/**
 * Stores a delivery of contact records (calls, survey responses, purchases, service cases) without one
 * long transaction: its rows are staged a chunk per committed transaction while the file is read on a thread
 * of its own ({@link StagingSink}, {@link ReadAhead}), then made its batch a part per committed transaction, a
 * part being the rows of a range of keys and parts merged side by side ({@link MergeParts}, {@link KeyBuckets},
 * {@link BatchStore#mergeStagedPart}), in set-based statements. A file refused partway, or
 * whose reading fails, leaves nothing of itself: its staging is deleted.
 * <p>
 * While its parts are merged the batch is {@link BatchStatus#BEING_STORED}: it counts for nothing, and readiness
 * holds the month's runs, until the last part makes it accepted. Whatever stops the merge (a process killed, the
 * database gone) leaves the staging and the parts merged so far; the transport, which keeps a file in its inbox
 * until it is stored, delivers it again, and this intake merges the parts not merged instead of starting over; a file
 * not delivered again is finished from its staging once no intake has touched it for a while ({@link #finishHalfStored}).
 * A process killed while staging leaves a staging no one finishes; before a delivery is staged, such stagings that
 * no live intake of this process is writing are deleted, and the file is staged again from the start.
 * <p>
 * On PostgreSQL only ({@link #serves}): on H2, measured with a 1,000,000-row file, staging and then merging took
 * twice as long as storing the file in one transaction (6,400 against 12,900 rows a second), so H2 writes a file a
 * chunk per transaction straight into its records once it has read it whole ({@link ChunkedIntake}). Thread-safe.
 */
final class StagedIntake {

    private static final Logger LOG = Logger.getLogger(StagedIntake.class.getName());

    /** This process (this deployment of the intake): a staging another process owns was left by it. */
    static final String THIS_PROCESS = UUID.randomUUID().toString();

    /** The stagings being written or merged in this process now, which are not left behind. */
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();
    /** How long emptying the staging tables waits for them: autovacuum, holding one, gives way after a second. */
    private static final Duration STAGING_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final TransactionRunner transactions;
    private final Clock clock;
    private final Function<EntityManager, BatchStore> stores;
    private final String owner;
    private final StagingSink.ChunkHook chunkHook;
    private final MergeParts parts;
    private final ThreadFactory readers;
    private final CompanyCustomers company;
    private volatile Boolean postgres;

    StagedIntake(TransactionRunner transactions, Clock clock, Function<EntityManager, BatchStore> stores, String owner,
            StagingSink.ChunkHook chunkHook, MergeParts parts, ThreadFactory readers, CompanyCustomers company) {
        this.readers = readers;
        this.company = company;
        this.transactions = transactions;
        this.clock = clock;
        this.stores = stores;
        this.owner = owner;
        this.chunkHook = chunkHook;
        this.parts = parts;
    }

    /** Whether deliveries are staged on this database: PostgreSQL's, not H2's. */
    boolean serves() {
        Boolean known = postgres;
        if (known == null) {
            known = transactions.inNewTransaction(entityManager -> work(entityManager,
                    connection -> SqlDialect.of(connection) == SqlDialect.POSTGRESQL));
            postgres = known;
        }
        return known;
    }

    /**
     * @throws DeliveryRejected when the file is refused partway; nothing of it is stored, and the caller
     *                          records the rejection
     */
    IntakeReceipt store(Delivery delivery) {
        IntakeReceipt duplicate = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                .duplicateOrNull(delivery));
        if (duplicate != null) {
            return duplicate;
        }
        Long leftMidMerge = takeOverMerge(delivery);
        if (leftMidMerge != null) {
            LOG.info(() -> "File '" + delivery.fileName() + "': going on with staging " + leftMidMerge
                    + " with the parts not merged yet");
            return merge(delivery.fileName(), leftMidMerge, System.nanoTime());
        }
        discardLeftBehind();
        long stagingId = transactions.inNewTransaction(entityManager -> work(entityManager, connection ->
                StagingArea.nextId(connection, SqlDialect.of(connection))));
        // live before it exists: no other delivery of this process takes it for one left behind
        LIVE.add(stagingId);
        long started = System.nanoTime();
        try {
            transactions.inNewTransaction(entityManager -> work(entityManager, connection -> {
                StagingArea.open(connection, stagingId, delivery, owner, clock.instant());
                return null;
            }));
            ReadAhead<StagingSink.Chunk> readAhead = new ReadAhead<>(readers);
            StagingSink sink = new StagingSink(transactions, stagingId, chunkHook, readAhead::handOver,
                    companyCustomersBeside());
            QuarantinedRow rejection = readAhead.run(() -> {
                QuarantinedRow refused = delivery.read(sink);
                if (refused == null) {
                    sink.finish();
                }
                return refused;
            }, sink::stage);
            if (rejection != null) {
                throw new DeliveryRejected(rejection);
            }
            sink.countHeldBack();
            transactions.inNewTransaction(entityManager -> work(entityManager, connection -> {
                for (RecordTable table : sink.tables()) {
                    StagedMerge.analyzeStaging(connection, table);
                }
                return null;
            }));
            IntakeReceipt duplicateNow = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                    .openStaged(delivery, stagingId, sink));
            if (duplicateNow != null) {
                LIVE.remove(stagingId);
                return duplicateNow;
            }
            // counts and times only: a log line never carries a row's content
            LOG.info(() -> String.format(Locale.ROOT, "File '%s': %d rows staged in %.2f s", delivery.fileName(),
                    sink.accepted() + sink.quarantined(), (System.nanoTime() - started) / 1e9));
        } catch (RuntimeException | Error failure) {
            discard(stagingId);
            throw failure;
        }
        return merge(delivery.fileName(), stagingId, System.nanoTime());
    }

    /**
     * The company's customers, read on a thread of its own in a transaction of its own while the file's first
     * chunks are read and staged (1,000,000 customers' references: 1.5-3 s, which staging waited for when the first
     * chunk read them).
     */
    private Future<CompanyCustomers.Snapshot> companyCustomersBeside() {
        FutureTask<CompanyCustomers.Snapshot> reading = new FutureTask<>(() -> transactions.inNewTransaction(
                entityManager -> work(entityManager, company::now)));
        readers.newThread(reading).start();
        return reading;
    }

    /**
     * Finishes, from their stagings, the files an intake left part merged and no intake has touched for
     * {@code untouchedFor}: a staging holds its whole file, read and checked to its end before the first part was
     * merged, so the file need not be delivered again (its inbox may no longer hold it, and until it is finished
     * its month's runs wait). A staging a live intake of this process is merging is left alone, and so is one
     * touched more recently: an intake in another process may be merging it, a part at a time.
     *
     * @return the receipts of the files finished; one that cannot be finished now is left for the next look
     */
    List<IntakeReceipt> finishHalfStored(Duration untouchedFor) {
        if (!serves()) {
            return List.of();
        }
        Map<Long, StagingArea.Staging> left = transactions.inNewTransaction(entityManager -> work(entityManager,
                connection -> StagingArea.halfStored(connection, clock.instant().minus(untouchedFor))));
        List<IntakeReceipt> finished = new ArrayList<>();
        for (Map.Entry<Long, StagingArea.Staging> staging : left.entrySet()) {
            long stagingId = staging.getKey();
            String fileName = staging.getValue().fileName();
            if (!takeOver(stagingId, staging.getValue().owner())) {
                continue;
            }
            LOG.info(() -> "File '" + fileName + "': finishing staging " + stagingId + ", left part merged "
                    + untouchedFor.toMinutes() + " min or more ago");
            try {
                finished.add(merge(fileName, stagingId, System.nanoTime()));
            } catch (RuntimeException e) {
                // one line, not a trace: the same fault is met again at each look until its cause is gone
                LOG.warning(() -> "File '" + fileName + "' (staging " + stagingId + ") could not be finished now: " + e);
            }
        }
        return finished;
    }

    /**
     * Merges a staging's parts not merged yet, {@link MergeParts#sideBySide()} at once, then ends its batch. Whatever
     * stops it leaves the staging for the file's next delivery to go on with.
     */
    private IntakeReceipt merge(String fileName, long stagingId, long started) {
        try {
            List<KeyBuckets.Part> toMerge = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                    .stagedParts(stagingId, owner, parts));
            new SideBySide(readers, parts.sideBySide()).run(toMerge,
                    part -> transactions.inNewTransaction(entityManager -> {
                        stores.apply(entityManager).mergeStagedPart(stagingId, owner, part);
                        return null;
                    }), merged -> parts.afterEach().merged(merged));
            IntakeReceipt receipt = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                    .finishStaged(stagingId, owner));
            LOG.info(() -> String.format(Locale.ROOT, "File '%s': made batch %d in %d parts, %.2f s", fileName,
                    receipt.batchId(), toMerge.size(), (System.nanoTime() - started) / 1e9));
            emptyStagingWhenUnused();
            return receipt;
        } finally {
            LIVE.remove(stagingId);
        }
    }

    /**
     * Takes over the staging of this very file that an intake left mid-merge (it stopped, or its database went
     * away), unless a live intake of this process is merging it; null when there is none.
     */
    private Long takeOverMerge(Delivery delivery) {
        Map<Long, StagingArea.Staging> merging = transactions.inNewTransaction(entityManager -> work(entityManager,
                connection -> StagingArea.merging(connection, delivery.source(), delivery.checksum())));
        for (Map.Entry<Long, StagingArea.Staging> staging : merging.entrySet()) {
            if (takeOver(staging.getKey(), staging.getValue().owner())) {
                return staging.getKey();
            }
        }
        return null;
    }

    /**
     * Makes this intake the owner of a staging {@code formerOwner} left mid-merge and marks it live, unless a live
     * intake of this process is merging it or another intake took it first.
     */
    private boolean takeOver(long stagingId, String formerOwner) {
        if (!LIVE.add(stagingId)) {
            return false;
        }
        boolean taken = false;
        try {
            taken = transactions.inNewTransaction(entityManager -> work(entityManager, connection ->
                    StagingArea.takeOver(connection, stagingId, formerOwner, owner, clock.instant())));
        } finally {
            if (!taken) {
                LIVE.remove(stagingId);
            }
        }
        return taken;
    }

    /**
     * Once a file is stored: the staging tables emptied whole if no other staging is in them. The file is stored
     * whatever happens here; a failure leaves the tables to autovacuum, as before.
     */
    private void emptyStagingWhenUnused() {
        long started = System.nanoTime();
        try {
            boolean emptied = transactions.inNewTransaction(entityManager -> work(entityManager,
                    connection -> StagingArea.emptyWhenUnused(connection, STAGING_LOCK_TIMEOUT)));
            LOG.fine(() -> String.format("Staging tables %s in %.2f s", emptied ? "emptied" : "left to autovacuum,"
                    + " another staging is in them", (System.nanoTime() - started) / 1e9));
        } catch (RuntimeException e) {
            // one line, not a trace: nothing was lost
            LOG.info(() -> "Staging tables left to autovacuum: " + e);
        }
    }

    /** Deletes a staging that will not be finished; if that fails, the next delivery finds it left behind. */
    private void discard(long stagingId) {
        try {
            transactions.inNewTransaction(entityManager -> work(entityManager, connection -> {
                StagingArea.discard(connection, stagingId);
                return null;
            }));
        } catch (RuntimeException e) {
            // one line, not a trace: the fault that stopped the file (a database gone) is reported where it is met
            LOG.warning(() -> "Staging " + stagingId + " could not be deleted now; it will be with the next delivery: "
                    + e);
        } finally {
            LIVE.remove(stagingId);
        }
    }

    /** Deletes the stagings no intake is writing: another process's (it died), or this one's not live. */
    private void discardLeftBehind() {
        Map<Long, StagingArea.Staging> owners = transactions.inNewTransaction(entityManager -> work(entityManager,
                StagingArea::owners));
        for (Map.Entry<Long, StagingArea.Staging> staging : owners.entrySet()) {
            long stagingId = staging.getKey();
            if (staging.getValue().owner().equals(owner) && LIVE.contains(stagingId)) {
                continue;
            }
            LOG.info(() -> "Deleting staging " + stagingId + ", left by an intake that stopped mid-file");
            transactions.inNewTransaction(entityManager -> work(entityManager, connection -> {
                StagingArea.discard(connection, stagingId);
                return null;
            }));
        }
    }

    private static <T> T work(EntityManager entityManager, org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
