package org.rapport.integration.filedrop;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.IntakeReceipt;

/**
 * Hands the read file to the intake (one transaction) and decides where the file goes: stored or
 * duplicate to {@value IntakeFolder#DONE}, rejected to {@value IntakeFolder#FAILED} with its reason.
 */
class StoreInIntake implements Processor {

    private static final Logger LOG = Logger.getLogger(StoreInIntake.class.getName());
    private static final int CHECKSUM_SHOWN = 12;

    private final Intake intake;

    StoreInIntake(Intake intake) {
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        IntakeBatch batch = exchange.getIn().getMandatoryBody(IntakeBatch.class);
        IntakeReceipt receipt = intake.store(batch);
        boolean rejected = receipt.status() == BatchStatus.REJECTED;
        LOG.log(rejected ? Level.WARNING : Level.INFO, () -> describe(batch, receipt));
        if (rejected) {
            FailureNote.forRejection(exchange, batch, receipt);
        } else {
            exchange.getIn().setHeader(IntakeRoutes.DESTINATION, IntakeFolder.DONE);
        }
    }

    /** File name, kind, counts and a checksum prefix: never a row's content. */
    static String describe(IntakeBatch batch, IntakeReceipt receipt) {
        String checksum = batch.checksum().substring(0, Math.min(CHECKSUM_SHOWN, batch.checksum().length()));
        String outcome = batch.isRejected() ? " — rejected: " + batch.rejection()
                : receipt.duplicateOf() != null ? " — same content as batch " + receipt.duplicateOf() : "";
        return String.format("File '%s' (%s, sha256 %s…): %s as batch %d, %d rows accepted, %d quarantined%s",
                batch.fileName(), batch.kind(), checksum, receipt.status(), receipt.batchId(),
                receipt.rowsAccepted(), receipt.rowsQuarantined(), outcome);
    }
}
