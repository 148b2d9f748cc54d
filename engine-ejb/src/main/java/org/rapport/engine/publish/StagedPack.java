package org.rapport.engine.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.rapport.engine.run.PackFiles;

/**
 * The stored pack as a file of its published name in a private temporary folder, for drop targets:
 * written from the stored bytes (the ones its checksum was taken of) when first asked for, deleted on
 * close. Not thread-safe.
 */
final class StagedPack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StagedPack.class.getName());

    private final String fileName;
    private final byte[] pdf;
    private Path folder;
    private Path file;

    StagedPack(String fileName, byte[] pdf) {
        this.fileName = fileName;
        this.pdf = pdf;
    }

    /** @throws IOException when the temporary folder cannot take the pack */
    Path file() throws IOException {
        if (file == null) {
            if (folder == null) {
                folder = Files.createTempDirectory("rapport-pack-");
            }
            try {
                file = PackFiles.write(folder, fileName, pdf);
            } catch (UncheckedIOException e) {
                throw new IOException("could not stage the pack in " + folder + ": " + e.getCause().getMessage(), e);
            }
        }
        return file;
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete the staged pack in " + folder + ": " + e.getMessage());
        }
    }
}
