package org.rapport.integration.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Files a test drops into an intake folder, and a wait for what becomes of them. */
final class DroppedFiles {

    static final String CALLS = String.join("\n",
            "call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,outcome,wanted_agent,transfers,"
                    + "times_reidentified,agent_saw_history,channel",
            "K-1,C-001,2026-10-01T08:15:00,95,240,410,answered,true,1,1,false,phone",
            "K-2,,2026-10-01T08:16:30,300,0,0,self_served,false,0,0,,phone") + "\n";

    static final String CUSTOMERS = String.join("\n",
            "customer_id,segment,region,value_band,customer_since,status,churned_on,churn_reason,annual_value,"
                    + "preferred_channel,consent_analytics,consent_contact",
            "C-001,one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false") + "\n";

    private DroppedFiles() {
    }

    /** Settings for tests: quick polls, two quick retries. */
    static FileDropSettings quickSettings(Path intakeDir) {
        return new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(100), 2, Duration.ofMillis(10));
    }

    /** Writes a file into a folder as a source would, creating the folder if needed. */
    static Path drop(Path folder, String name, String content) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular, non-hidden files directly in a folder, by name. */
    static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition until it holds or the deadline passes; the routes work on their own threads. */
    static void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Still waiting after " + timeout + " for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
