package org.rapport.integration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rapport.engine.intake.Delivery;

/**
 * A delivered file on disk offered to the intake: a hashing pass first gives the checksum (so the
 * intake can skip a duplicate without parsing it), then the intake reads the file row by row with
 * its format inside the transaction that stores it. Each read opens the file afresh, so a retried
 * store reads it from its start.
 */
public final class DeliveredFile {

    private DeliveredFile() {
    }

    /**
     * @param format   the source's format, as currently defined
     * @param file     the file as it lies on disk
     * @param fileName its name as delivered
     * @param keptAs   where it will be kept once stored, for the ledger (null when not kept)
     */
    public static Delivery delivery(IntakeFormat format, Path file, String fileName, String keptAs)
            throws IOException {
        String checksum;
        try (InputStream bytes = Files.newInputStream(file)) {
            checksum = format.checksum(fileName, bytes);
        }
        return new Delivery(format.kind(), format.source(), fileName, checksum, keptAs, sink -> {
            try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file))) {
                return format.stream(fileName, bytes, sink);
            }
        });
    }
}
