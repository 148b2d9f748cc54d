package org.rapport.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import jakarta.json.JsonObject;

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

    /**
     * The integration team's word that October is complete: the fixture's calls stop on 6 October (a
     * hand-worked month, not a whole one), so by their rule (records through the last day) October
     * would wait for them. Sources other tests delivered to the same server are not needed for it.
     * Waits until the calls file is in the ledger, as a mark names a source that has delivered.
     */
    static void closeOctober(ApiClient api) throws Exception {
        Poll.until(Duration.ofSeconds(120), () -> api.put("api/readiness/2026-10/sources/file-drop/calls",
                "application/json", "{\"mark\": \"CLOSED\"}"), response -> response.statusCode() == 200);
        excuseOtherTestsSources(api, "2026-10");
    }

    /**
     * Marks NOT_NEEDED for {@code month} each source that other tests on this server delivered (their
     * own dates, their own months) and that the month would otherwise wait for; the built-in file-drop
     * sources, the ones these tests deliver, are left to their rules.
     */
    static void excuseOtherTestsSources(ApiClient api, String month) throws Exception {
        for (JsonObject missing : api.json("api/readiness/" + month).asJsonObject().getJsonArray("missing")
                .getValuesAs(JsonObject.class)) {
            String source = missing.getString("source");
            if (!source.startsWith("file-drop/") && !source.startsWith("(")) {
                api.put("api/readiness/" + month + "/sources/" + source, "application/json", "{\"mark\": \"NOT_NEEDED\"}");
            }
        }
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
