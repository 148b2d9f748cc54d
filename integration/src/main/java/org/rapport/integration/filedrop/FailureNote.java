package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.IntakeReceipt;

/**
 * Keeps why a file went to {@value IntakeFolder#FAILED}: a {@code <name>.reason.txt} beside it, for
 * whoever looks in the folder rather than in the log.
 */
final class FailureNote {

    private static final Logger LOG = Logger.getLogger(FailureNote.class.getName());
    static final String SUFFIX = ".reason.txt";
    /** The line of a note that says whose fault it was: a file put back after an outage reads it. */
    static final String CAUSE = "cause: ";
    private static final String RETRIES = "RapportRetries";

    private FailureNote() {
    }

    /** The intake refused the file as a whole: empty, wrong header, not text. */
    static void forRejection(Exchange exchange, Delivery delivery, IntakeReceipt receipt) {
        write(exchange, "rejected by the intake as batch " + receipt.batchId() + ": " + receipt.message()
                + System.lineSeparator() + "checksum (sha256): " + delivery.checksum()
                + System.lineSeparator() + CAUSE + "the content was refused");
    }

    /**
     * Storing failed, even after a few retries, for a reason that is not the infrastructure's: the file is
     * moved to {@value IntakeFolder#FAILED} (the route handled the fault) with the fault beside it.
     */
    static void forFault(Exchange exchange) {
        Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = 1 + exchange.getProperty(RETRIES, 0, Integer.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        // the type only: a message can quote the data; the note beside the file has it for whoever may read it
        LOG.warning(() -> "File '" + fileName + "' not stored after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " (" + (fault == null ? "unknown fault" : fault.getClass().getName()) + "): moved to "
                + IntakeFolder.FAILED + " with the reason");
        LOG.log(Level.FINE, "Why '" + fileName + "' was not stored", fault);
        write(exchange, "not stored after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": "
                + (fault == null ? "unknown fault" : fault.getClass().getName() + ": " + fault.getMessage())
                + System.lineSeparator() + CAUSE + "the file or the intake, not the database or the disk");
    }

    /** Counts a retry before it is made: Camel clears its own count once a fault is handled. */
    static void countRetry(Exchange exchange) {
        exchange.setProperty(RETRIES, exchange.getProperty(RETRIES, 0, Integer.class) + 1);
    }

    private static void write(Exchange exchange, String reason) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path failed = Path.of(exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class), IntakeFolder.FAILED);
        String note = "file: " + fileName + System.lineSeparator()
                + "failed at: " + Instant.now() + System.lineSeparator()
                + "reason: " + reason + System.lineSeparator();
        try {
            Files.createDirectories(failed);
            Files.writeString(failed.resolve(fileName + SUFFIX), note, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "Could not write the reason note for '" + fileName + "' in " + failed);
        }
    }
}
