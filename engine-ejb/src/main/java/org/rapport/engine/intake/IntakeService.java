package org.rapport.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.rapport.engine.customer.InstallationKeys;

/**
 * The intake as an EJB: each delivered file waits for its turn ({@link IntakeTurns}), is stored in JTA transactions
 * of its own ({@link IntakeTransaction}), never in the caller's, and {@link BatchStored} is fired once it committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntakeService implements Intake {

    private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());
    private static final int CHECKSUM_SHOWN = 12;

    @EJB
    private IntakeTransaction transaction;

    @Inject
    private Event<BatchStored> batchStored;

    @Inject
    private InstallationKeys keys;

    @Inject
    private Event<DeliveryInProgress> inProgress;

    @Inject
    private IntakeTurns turns;

    @Inject
    private CompanyCustomers company;

    /** A smaller chunk bounds a transaction and the heap a file takes more tightly; a commit costs H2 ~0.5 s. */
    @Inject
    @ConfigProperty(name = "rapport.intake.rows-per-commit", defaultValue = "100000")
    int rowsPerCommit;

    /** The container's default: a file read ahead of its staging is read with the application's context. */
    @Resource
    private ManagedThreadFactory readers;

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        return stored(batch.kind(), batch.fileName(), batch.checksum(), intake().store(batch));
    }

    @Override
    public IntakeReceipt store(Delivery delivery) {
        return turns.store(delivery, inProgress::fire, () -> stored(delivery.kind(), delivery.fileName(),
                delivery.checksum(), intake().store(delivery)));
    }

    @Override
    public IntakeReceipt replay(long batchId, Delivery delivery) {
        IntakeTurns.Turn turn = turns.take(delivery.fileName());
        try (turn) {
            LOG.info(() -> "Replaying batch " + batchId + ", file '" + delivery.fileName() + "'");
            return stored(delivery.kind(), delivery.fileName(), delivery.checksum(),
                    intake().replay(batchId, delivery));
        }
    }

    @Override
    public List<IntakeReceipt> finishHalfStored(Duration untouchedFor) {
        TransactionalIntake intake = intake();
        List<IntakeReceipt> finished = intake.finishHalfStored(untouchedFor);
        for (IntakeReceipt receipt : finished) {
            intake.find(receipt.batchId()).ifPresent(batch -> stored(SourceKind.valueOf(batch.kind()),
                    batch.fileName(), batch.checksum(), receipt));
        }
        return finished;
    }

    @Override
    public IntakeReceipt discard(long batchId) {
        IntakeReceipt discarded = intake().discard(batchId);
        LOG.info(() -> "Batch " + batchId + " discarded, " + discarded.changes().withdrawn() + " records withdrawn");
        batchStored.fire(new BatchStored(batchId, find(batchId).map(batch -> SourceKind.valueOf(batch.kind()))
                .orElseThrow(), BatchStatus.DISCARDED));
        return discarded;
    }

    @Override
    public Optional<BatchEntry> find(long batchId) {
        return intake().find(batchId);
    }

    private TransactionalIntake intake() {
        return new TransactionalIntake(transaction, Clock.systemUTC(), keys.identifierKey(), readers, rowsPerCommit,
                company);
    }

    private IntakeReceipt stored(SourceKind kind, String fileName, String checksum, IntakeReceipt receipt) {
        // File name, counts and checksum prefix only: a log line never carries a row's content.
        LOG.info(() -> String.format("Intake %s '%s' (sha256 %s…): %s as batch %d, %d rows accepted, %d quarantined,"
                + " %d unmatched%s%s", kind, fileName, checksum.substring(0, Math.min(CHECKSUM_SHOWN, checksum.length())),
                receipt.status(), receipt.batchId(), receipt.rowsAccepted(), receipt.rowsQuarantined(),
                receipt.rowsUnmatched(), receipt.replaced().isEmpty() ? "" : ", replacing batches " + receipt.replaced(),
                receipt.message() == null ? "" : " — " + receipt.message()));
        batchStored.fire(new BatchStored(receipt.batchId(), kind, receipt.status()));
        return receipt;
    }
}
