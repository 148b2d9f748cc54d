package org.rapport.engine.intake;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The intake as an EJB: each delivered file is stored in one JTA transaction. */
@Stateless
public class IntakeService implements Intake {

    private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Inject
    private Event<BatchStored> batchStored;

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        IntakeReceipt receipt = new BatchStore(entityManager, Clock.systemUTC()).store(batch);
        // File name, counts and checksum prefix only: a log line never carries a row's content.
        LOG.info(() -> String.format("Intake %s '%s' (sha256 %s…): %s, %d rows accepted, %d quarantined%s",
                batch.kind(), batch.fileName(), batch.checksum().substring(0, Math.min(12, batch.checksum().length())),
                receipt.status(), receipt.rowsAccepted(), receipt.rowsQuarantined(),
                receipt.message() == null ? "" : " — " + receipt.message()));
        batchStored.fire(new BatchStored(receipt.batchId(), batch.kind(), receipt.status()));
        return receipt;
    }
}
