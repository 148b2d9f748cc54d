package org.rapport.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;

/** Writes a rendered pack to the packs folder so that a reader never sees half a file. */
public final class PackFiles {

    private PackFiles() {
    }

    public static String fileName(YearMonth month, long runId) {
        return "rapport-board-pack-" + month + "-run-" + runId + ".pdf";
    }

    /** Writes to a temporary file beside the target, then moves it into place in one step. */
    public static Path write(Path folder, String fileName, byte[] pdf) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".rendering-", ".pdf");
            Files.write(temporary, pdf);
            return Files.move(temporary, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write board pack " + fileName + " to " + folder, e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
