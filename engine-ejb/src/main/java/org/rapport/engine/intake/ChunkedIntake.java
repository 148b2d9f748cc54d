package org.rapport.engine.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Stores a delivered file that is not staged (every file on H2, customers on either database, a replay) a chunk of
 * {@value #COMMIT_EVERY} rows per committed transaction, so that no transaction lasts as long as a large file.
 * <p>
 * The file is first read to its end and nothing stored ({@link FileCheck}): a file refused partway, cut off mid-row
 * say, leaves nothing of itself, as when it was stored in one transaction. Then its batch is opened
 * {@link BatchStatus#BEING_STORED} — it counts for nothing, and readiness holds its month's runs, until it is
 * accepted — and the file is read again, on a thread of its own ({@link ReadAhead}), each chunk written
 * ({@link BatchWriter}, the rules of {@link RecordUpsert}) and committed with the batch's counts and how many of the
 * file's rows its batch now holds. Whatever stops it (a process killed, the database gone) leaves the chunks
 * committed; the transport, which keeps a file in its inbox until it is stored, delivers it again, and this intake
 * goes on from the first row not committed: the same bytes (the same SHA-256) read the same way. A chunk's commit is
 * conditional on the rows committed before it, so two intakes taking up the same file cannot both write a chunk.
 * <p>
 * A chunk is large because a commit costs H2 about half a second whatever its size: a million new calls
 * ({@code OverlappingExtractThroughput}) took 98.3 s in chunks of 10,000 rows, 65.8 s of 50,000, 52.4 s of 100,000
 * and 55.3 s of 250,000. The reader holds at most three chunks (one written, one waiting, one being read). Thread-safe.
 */
final class ChunkedIntake {

    static final int COMMIT_EVERY = 100_000;

    private static final Logger LOG = Logger.getLogger(ChunkedIntake.class.getName());

    /** The batches this process is writing now, which no other delivery of it takes up. */
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    private final TransactionRunner transactions;
    private final Function<EntityManager, BatchStore> stores;
    private final boolean identifierKeyConfigured;
    private final int rowsPerCommit;
    private final StagingSink.ChunkHook chunkHook;
    private final ThreadFactory readers;
    private final CompanyCustomers company;

    /**
     * @param rowsPerCommit a chunk's rows, {@link #COMMIT_EVERY} unless configured
     * @param chunkHook     told after each chunk is committed: a test stops a delivery between two chunks, as a kill
     *                      would
     * @param readers       makes the threads that read a file ahead of its writing
     * @param company       the company's customers as staged files match them, which a customers file grows
     */
    ChunkedIntake(TransactionRunner transactions, Function<EntityManager, BatchStore> stores,
            boolean identifierKeyConfigured, int rowsPerCommit, StagingSink.ChunkHook chunkHook,
            ThreadFactory readers, CompanyCustomers company) {
        if (rowsPerCommit < 1) {
            throw new IllegalArgumentException("The rows written a transaction must be at least 1, not "
                    + rowsPerCommit);
        }
        this.transactions = transactions;
        this.stores = stores;
        this.identifierKeyConfigured = identifierKeyConfigured;
        this.rowsPerCommit = rowsPerCommit;
        this.chunkHook = chunkHook;
        this.readers = readers;
        this.company = company;
    }

    /** Whether an intake of this process is writing batch {@code batchId} now. */
    static boolean isLive(long batchId) {
        return LIVE.contains(batchId);
    }

    /**
     * @throws DeliveryRejected when the file is refused partway; nothing of it is stored, and the caller records the
     *                          rejection
     */
    IntakeReceipt store(Delivery delivery) {
        IntakeReceipt duplicate = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                .duplicateOrNull(delivery));
        if (duplicate != null) {
            return duplicate;
        }
        long started = System.nanoTime();
        Start halfWritten = takeUp(store -> store.halfWritten(delivery));
        if (halfWritten != null) {
            LOG.info(() -> "File '" + delivery.fileName() + "': going on with batch " + halfWritten.batchId()
                    + " from row " + (halfWritten.committed() + 1));
            return writeWhole(delivery, halfWritten.batchId(), halfWritten.committed(), started);
        }
        Start opened = open(delivery);
        if (opened.duplicate() != null) {
            return opened.duplicate();
        }
        return writeWhole(delivery, opened.batchId(), 0, started);
    }

    /**
     * Replays accepted batch {@code replayed} from its kept file, written a chunk per transaction into a batch of its
     * own that takes the place of {@code replayed} once stored whole. A replay stopped between chunks leaves
     * {@code replayed} as it was (accepted) and is taken up from its next row when {@code replayed} is replayed again.
     *
     * @throws BatchNotReplayable when {@code replayed} cannot be replayed from {@code delivery}; nothing is read
     * @throws DeliveryRejected   when the file is now refused partway; nothing of it is stored
     */
    IntakeReceipt replay(long replayed, Delivery delivery) {
        // refused before a large file is read; checked again, under lock, when the batch is opened after the reading
        transactions.inNewTransaction(entityManager -> stores.apply(entityManager).replayable(replayed, delivery));
        long started = System.nanoTime();
        Start halfWritten = takeUp(store -> store.halfWrittenReplays(replayed));
        if (halfWritten != null) {
            LOG.info(() -> "Replay of batch " + replayed + ": going on with batch " + halfWritten.batchId()
                    + " from row " + (halfWritten.committed() + 1));
            return writeWhole(delivery, halfWritten.batchId(), halfWritten.committed(), started);
        }
        FileCheck checked = check(delivery);
        long batchId = transactions.inNewTransaction(entityManager -> live(stores.apply(entityManager)
                .openReplay(replayed, delivery, checked)));
        return writeWhole(delivery, batchId, 0, started);
    }

    /** Writes the rest of a file into its batch, a chunk per transaction, and accepts the batch. */
    private IntakeReceipt writeWhole(Delivery delivery, long batchId, int committed, long started) {
        long writing = System.nanoTime();
        try {
            // a customers file written from its start grows the company's customers as staged files match them,
            // which are then not read again (1,000,000 customers: 1.5-3 s)
            CompanyCustomers.Snapshot whole = delivery.kind() == SourceKind.CUSTOMERS && committed == 0
                    ? transactions.inNewTransaction(entityManager -> entityManager.unwrap(Session.class)
                            .doReturningWork(company::whole))
                    : null;
            List<String> customers = whole == null ? null : new ArrayList<>();
            int chunks = write(delivery, batchId, committed, customers);
            IntakeReceipt receipt = transactions.inNewTransaction(entityManager -> stores.apply(entityManager)
                    .finishChunked(batchId));
            if (whole != null && receipt.status() == BatchStatus.ACCEPTED) {
                company.grown(whole, customers);
            }
            // counts and times only: a log line never carries a row's content
            LOG.info(() -> String.format("File '%s': batch %d written in %d chunks, %.1f s (read and checked first"
                    + " in %.1f s)", delivery.fileName(), batchId, chunks, (System.nanoTime() - started) / 1e9,
                    (writing - started) / 1e9));
            return receipt;
        } finally {
            LIVE.remove(batchId);
        }
    }

    /**
     * Writes the file's rows after the first {@code committed}, a chunk per transaction, adding the customers written to
     * {@code customers} unless it is null; returns the chunks written.
     */
    private int write(Delivery delivery, long batchId, int committed, List<String> customers) {
        ReadAhead<FileChunks.Chunk> readAhead = new ReadAhead<>(readers);
        FileChunks chunks = new FileChunks(committed, rowsPerCommit, readAhead::handOver);
        int[] written = {committed, 0};
        KnownCustomers known = new KnownCustomers();
        QuarantinedRow refused = readAhead.run(() -> {
            QuarantinedRow refusal = delivery.read(chunks);
            if (refusal == null) {
                chunks.finish();
            }
            return refusal;
        }, chunk -> {
            transactions.inNewTransaction(entityManager -> {
                stores.apply(entityManager).writeChunk(batchId, written[0], chunk, known);
                return null;
            });
            if (customers != null) {
                chunk.addCustomersTo(customers);
            }
            written[0] += chunk.size();
            chunkHook.staged(++written[1]);
        });
        if (refused != null) {
            // the same bytes were read to their end before: the file changed on disk under its checksum
            throw new IllegalStateException("File '" + delivery.fileName() + "' was refused on its second reading"
                    + " (" + refused.asRejection() + "); batch " + batchId + " is left being stored");
        }
        return written[1];
    }

    /**
     * Reads the file to its end, storing nothing, and opens its batch, unless content an accepted batch brought meanwhile
     * makes it a duplicate.
     *
     * @throws DeliveryRejected when the file is refused partway
     */
    private Start open(Delivery delivery) {
        FileCheck checked = check(delivery);
        return transactions.inNewTransaction(entityManager -> {
            BatchStore store = stores.apply(entityManager);
            IntakeReceipt duplicate = store.duplicateOrNull(delivery);
            if (duplicate != null) {
                return new Start(0, 0, duplicate);
            }
            return new Start(live(store.openChunked(delivery, checked)), 0, null);
        });
    }

    /**
     * Reads the file to its end, storing nothing.
     *
     * @throws DeliveryRejected when the file is refused partway
     */
    private FileCheck check(Delivery delivery) {
        FileCheck checked = new FileCheck(identifierKeyConfigured);
        QuarantinedRow refused = delivery.read(checked);
        if (refused != null) {
            throw new DeliveryRejected(refused);
        }
        return checked;
    }

    /**
     * Marks a batch just opened live, before it commits: no other delivery of this process takes it for one left half
     * written.
     */
    private static long live(long batchId) {
        LIVE.add(batchId);
        return batchId;
    }

    /**
     * Takes up one of the batches an intake left part written (with the rows each committed) that no live intake of
     * this process is writing; null when there is none.
     */
    private Start takeUp(Function<BatchStore, Map<Long, Integer>> halfWritten) {
        Map<Long, Integer> batches = transactions.inNewTransaction(entityManager -> halfWritten.apply(
                stores.apply(entityManager)));
        for (Map.Entry<Long, Integer> batch : batches.entrySet()) {
            if (LIVE.add(batch.getKey())) {
                return new Start(batch.getKey(), batch.getValue(), null);
            }
        }
        return null;
    }

    /**
     * Where writing a delivery starts: its batch and how many of the file's rows, from its start, the batch holds
     * already; or, instead, the duplicate the delivery turned out to be.
     */
    private record Start(long batchId, int committed, IntakeReceipt duplicate) {
    }
}
