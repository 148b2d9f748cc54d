package org.rapport.integration.filedrop;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.integration.DeliveredFile;

/**
 * Streams a delivered file into the intake (read row by row, stored in transactions of a chunk or a part
 * each, see {@code TransactionalIntake}) and decides where the file goes: stored or duplicate to {@value IntakeFolder#DONE}, rejected
 * to {@value IntakeFolder#FAILED} with its reason. The file stays in the inbox until the intake has
 * committed: the move happens once this route is done.
 */
class StoreInIntake implements Processor {

    private static final Logger LOG = Logger.getLogger(StoreInIntake.class.getName());
    private static final int CHECKSUM_SHOWN = 12;

    private final IntakeFolder folder;
    private final Intake intake;

    StoreInIntake(IntakeFolder folder, Intake intake) {
        this.folder = folder;
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        GenericFile<?> file = exchange.getIn().getMandatoryBody(GenericFile.class);
        String fileName = file.getFileNameOnly();
        Delivery delivery = DeliveredFile.delivery(folder.format(), Path.of(file.getAbsoluteFilePath()), fileName,
                folder.keptAs(fileName));
        IntakeReceipt receipt = intake.store(delivery);
        boolean rejected = receipt.status() == BatchStatus.REJECTED;
        LOG.log(rejected ? Level.WARNING : Level.INFO, () -> describe(delivery, receipt));
        if (rejected) {
            FailureNote.forRejection(exchange, delivery, receipt);
        } else {
            exchange.getIn().setHeader(IntakeRoutes.DESTINATION, IntakeFolder.DONE);
        }
    }

    /** File name, kind, counts and a checksum prefix: never a row's content. */
    static String describe(Delivery delivery, IntakeReceipt receipt) {
        String checksum = delivery.checksum().substring(0, Math.min(CHECKSUM_SHOWN, delivery.checksum().length()));
        String outcome = receipt.status() == BatchStatus.REJECTED ? " — rejected: " + receipt.message()
                : receipt.duplicateOf() != null ? " — same content as batch " + receipt.duplicateOf()
                : receipt.replaced().isEmpty() ? "" : " — replaces batch " + receipt.replaced();
        return String.format("File '%s' (%s, sha256 %s…): %s as batch %d, %d rows accepted, %d quarantined, "
                + "%d unmatched%s", delivery.fileName(), delivery.kind(), checksum, receipt.status(), receipt.batchId(),
                receipt.rowsAccepted(), receipt.rowsQuarantined(), receipt.rowsUnmatched(), outcome);
    }
}
