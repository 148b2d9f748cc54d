package org.rapport.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The hand-worked month of {@code e2e/october-2026/README.md}, delivered the way a source delivers:
 * each file written elsewhere and moved into its intake folder whole, so the intake never sees half a file.
 */
final class OctoberFixture {

    private static final String FIXTURE = "/e2e/october-2026/";

    private OctoberFixture() {
    }

    /**
     * Every file of the month into the intake under {@code dataDir}, once per data dir: several test classes
     * share the suite's server, and the same files delivered again would be recorded as duplicates that the
     * test of duplicates does not expect.
     */
    static synchronized void deliverAll(Path dataDir) throws IOException {
        Path delivered = dataDir.resolve(".it-october-2026-delivered");
        if (Files.exists(delivered)) {
            return;
        }
        Files.createDirectories(dataDir);
        Files.createFile(delivered);
        deliver(dataDir, "customers", "customers.csv");
        deliver(dataDir, "purchases", "purchases.csv");
        deliver(dataDir, "survey-responses", "survey-responses.csv");
        deliver(dataDir, "calls", "calls.csv");
    }

    /** One fixture file into intake folder {@code folder} under {@code dataDir}. */
    static void deliver(Path dataDir, String folder, String file) throws IOException {
        Path intake = dataDir.resolve("intake").resolve(folder);
        Files.createDirectories(intake);
        Path staged = Files.createTempFile(intake.getParent(), "staged-", ".csv");
        try (InputStream content = OctoberFixture.class.getResourceAsStream(FIXTURE + file)) {
            Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staged, intake.resolve(file), StandardCopyOption.ATOMIC_MOVE);
    }
}
