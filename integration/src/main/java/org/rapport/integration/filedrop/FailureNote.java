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

    private FailureNote() {
    }

    /** The intake refused the file as a whole: empty, wrong header, not text. */
    static void forRejection(Exchange exchange, Delivery delivery, IntakeReceipt receipt) {
        write(exchange, "rejected by the intake as batch " + receipt.batchId() + ": " + receipt.message()
                + System.lineSeparator() + "checksum (sha256): " + delivery.checksum());
    }

    /** Storing failed even after the retries: a technical fault such as the database being down. */
    static void forTechnicalFault(Exchange exchange) {
        Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = 1 + exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        write(exchange, "not stored after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": "
                + (fault == null ? "unknown fault" : fault.getClass().getName() + ": " + fault.getMessage()));
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
