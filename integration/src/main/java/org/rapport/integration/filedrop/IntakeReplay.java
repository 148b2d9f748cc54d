package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.BatchNotReplayable;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.integration.DeliveredFile;
import org.rapport.integration.filedrop.ReplayRefused.Reason;

/**
 * Replays a stored batch after its source's mapping was fixed: the file kept in its folder's
 * {@value IntakeFolder#DONE} is read again with the folder's current format and stored in place of the
 * batch, atomically (the engine's replacement, aimed at that batch: the content and so the checksum are
 * unchanged). The batch's quarantined rows that now map become records; the old batch is marked
 * replaced. Thread-safe.
 */
public final class IntakeReplay {

    private static final Logger LOG = Logger.getLogger(IntakeReplay.class.getName());

    private final Path intakeDir;
    private final List<IntakeFolder> folders;
    private final Intake intake;

    /** @param folders the intake folders as now defined: their formats read the kept files */
    public IntakeReplay(Path intakeDir, List<IntakeFolder> folders, Intake intake) {
        this.intakeDir = intakeDir.toAbsolutePath().normalize();
        this.folders = List.copyOf(folders);
        this.intake = intake;
    }

    /**
     * Reads the kept file of {@code batchId} again and stores it in place of that batch.
     *
     * @return the new batch; {@code replaced} names the old one. A file the current format now refuses
     *         comes back rejected, and the old batch stays as it was
     * @throws ReplayRefused when there is nothing to replay: see {@link ReplayRefused.Reason}
     * @throws IOException   when the kept file cannot be read
     */
    public IntakeReceipt replay(long batchId) throws ReplayRefused, IOException {
        return prepare(batchId).run();
    }

    /**
     * Checks that {@code batchId} can be replayed — accepted, its source defined, its kept file there and unchanged —
     * without replaying it yet: a caller that runs the replay elsewhere answers a refusal at once.
     *
     * @throws ReplayRefused when there is nothing to replay: see {@link ReplayRefused.Reason}
     * @throws IOException   when the kept file cannot be read
     */
    public Prepared prepare(long batchId) throws ReplayRefused, IOException {
        BatchEntry batch = intake.find(batchId)
                .orElseThrow(() -> new ReplayRefused(Reason.NO_SUCH_BATCH, "there is no batch " + batchId));
        if (!BatchStatus.ACCEPTED.name().equals(batch.status())) {
            throw new ReplayRefused(Reason.NOT_ACCEPTED, "batch " + batchId + " is " + batch.status()
                    + ": only an accepted batch can be replayed");
        }
        IntakeFolder folder = folders.stream()
                .filter(candidate -> candidate.format().source().equals(batch.source()))
                .findFirst()
                .orElseThrow(() -> new ReplayRefused(Reason.NO_SOURCE, "no intake folder takes source '"
                        + batch.source() + "' now"));
        Path kept = keptFile(batch);
        Delivery delivery = DeliveredFile.delivery(folder.format(), kept, batch.fileName(), batch.keptAs());
        if (!delivery.checksum().equals(batch.checksum())) {
            throw new ReplayRefused(Reason.FILE_CHANGED, "the file kept as " + batch.keptAs() + " is no longer the"
                    + " one batch " + batchId + " stored (its SHA-256 differs)");
        }
        return new Prepared(batch, delivery, intake);
    }

    /** A replay checked and ready to run: the batch, and its kept file read with the source's current format. */
    public static final class Prepared {

        private final BatchEntry batch;
        private final Delivery delivery;
        private final Intake intake;

        private Prepared(BatchEntry batch, Delivery delivery, Intake intake) {
            this.batch = batch;
            this.delivery = delivery;
            this.intake = intake;
        }

        public String fileName() {
            return batch.fileName();
        }

        /**
         * Stores the kept file in place of the batch, once the intake gives it its turn.
         *
         * @return the new batch; {@code replaced} names the old one. A file the current format now refuses
         *         comes back rejected, and the old batch stays as it was
         * @throws ReplayRefused when the batch was replayed or replaced meanwhile
         */
        public IntakeReceipt run() throws ReplayRefused {
            LOG.info(() -> "Replaying batch " + batch.id() + " from " + batch.keptAs() + " with the current format of "
                    + batch.source());
            try {
                return intake.replay(batch.id(), delivery);
            } catch (BatchNotReplayable e) {
                throw new ReplayRefused(Reason.NOT_ACCEPTED, e.getMessage());
            }
        }
    }

    /** The kept file, which must lie under the intake folder. */
    private Path keptFile(BatchEntry batch) throws ReplayRefused {
        if (batch.keptAs() == null) {
            throw new ReplayRefused(Reason.FILE_MISSING, "the ledger does not say where the file of batch "
                    + batch.id() + " was kept");
        }
        Path kept = intakeDir.resolve(batch.keptAs()).normalize();
        if (!kept.startsWith(intakeDir) || !Files.isRegularFile(kept)) {
            throw new ReplayRefused(Reason.FILE_MISSING, "the file of batch " + batch.id() + " is not kept as "
                    + batch.keptAs() + " under " + intakeDir);
        }
        return kept;
    }
}
