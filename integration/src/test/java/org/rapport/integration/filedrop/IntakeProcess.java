package org.rapport.integration.filedrop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FileDropProcess} started in a JVM of its own on this test's class path, and what it reports
 * on its standard output, line by line. Its log goes to a file, shown when a wait fails.
 */
final class IntakeProcess {

    /** How often a wait looks whether the process is still there. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private IntakeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readLines, "intake-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the intake on {@code intakeDir} and {@code database}; {@code arguments} follow them. */
    static IntakeProcess start(Path intakeDir, Path database, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FileDropProcess.class.getName(), intakeDir.toString(), database.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new IntakeProcess(process, log);
    }

    /** Waits until the process reports a line that starts with {@code prefix}; returns that line. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.min(POLL.toNanos(), Math.max(0, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS);
            if (line == null && process.isAlive() && System.nanoTime() - deadline < 0) {
                continue;
            }
            if (line == null && !process.isAlive()) {
                line = lines.poll(POLL.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (line == null) {
                throw new AssertionError("No line starting '" + prefix + "' after " + timeout + "; it said " + seen
                        + (process.isAlive() ? "" : " and exited with " + process.exitValue()) + "; its log:\n"
                        + logText());
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Kills it as a power cut or {@code kill -9} would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it gracefully and waits for it to be gone. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void readLines() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(none)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
