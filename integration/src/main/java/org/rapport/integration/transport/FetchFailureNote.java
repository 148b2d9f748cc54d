package org.rapport.integration.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Keeps why a fetch was given up: {@code .failed/<source>-<time>.fetch-failed.txt} in the landing
 * folder, beside the notes of files the intake refused, for whoever looks there rather than in the
 * log. It names the endpoint without credentials and never holds fetched content.
 */
final class FetchFailureNote {

    static final String SUFFIX = ".fetch-failed.txt";

    private FetchFailureNote() {
    }

    /** Writes the note and returns where. */
    static Path write(LandingFolder landing, String source, String endpoint, Instant at, int attempts, String error)
            throws IOException {
        String n = System.lineSeparator();
        String note = "source: " + source + n
                + "endpoint: " + endpoint + n
                + "failed at: " + at + n
                + "attempts: " + attempts + n
                + "error: " + error + n
                + "The next scheduled fetch tries again." + n;
        Files.createDirectories(landing.failedDir());
        Path file = landing.failedDir().resolve(LandingFolder.timestamped(source, at, SUFFIX));
        Files.writeString(file, note, StandardCharsets.UTF_8);
        return file;
    }
}
