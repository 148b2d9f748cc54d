package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bootable jar ({@code web/target/rapport-bootable.jar}, built in {@code package}) started as an operator
 * starts it: its own data folder, ports shifted by an offset so that it never meets the other tests' servers,
 * the database chosen by the {@code RAPPORT_DB_*} environment, and one user holding every role. The log
 * the server writes itself ({@code server.log}, rotated by size) goes to {@code <data folder>/log}, its console
 * to {@code console.log} beside it.
 */
final class BootableRapport implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final Path dataDir;
    private final int portOffset;

    private BootableRapport(Process process, Path dataDir, int portOffset) {
        this.process = process;
        this.dataDir = dataDir;
        this.portOffset = portOffset;
    }

    /** Starts the jar on {@code dataDir} with {@code environment} and waits until it answers signed-in API calls. */
    static BootableRapport start(Path dataDir, int portOffset, Map<String, String> environment,
            List<String> properties) throws Exception {
        Path jar = Path.of(System.getProperty("rapport.bootable.jar"));
        assertThat(jar).as("the bootable jar, built in 'package' (not with -Drapport.bootable.skip)").isRegularFile();
        Files.createDirectories(dataDir.resolve("log"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g",
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.server.log.dir=" + dataDir.resolve("log").toAbsolutePath(),
                // WildFly gives its boot 300 s by default: too little on a busy shared machine
                "-Djboss.as.management.blocking.timeout=1200",
                "-Drapport.data.dir=" + dataDir.toAbsolutePath(),
                "-Drapport.schedule.enabled=false",
                "-Drapport.users." + TestUsers.EVERY_ROLE + ".password=" + TestUsers.password(TestUsers.EVERY_ROLE),
                "-Drapport.users." + TestUsers.EVERY_ROLE + ".roles=board,strategy,integration,admin"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("log/console.log").toFile());
        builder.environment().putAll(environment);
        BootableRapport server = new BootableRapport(builder.start(), dataDir, portOffset);
        try {
            server.awaitReady();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() throws Exception {
        ApiClient api = api();
        Poll.until(STARTUP, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting (exit " + process.exitValue()
                        + "); see " + dataDir.resolve("log"));
            }
            return api.get("api/session").statusCode();
        }, status -> status == 200 || !process.isAlive());
        assertThat(process.isAlive()).as("the server is running; see " + dataDir.resolve("log")).isTrue();
    }

    /** The REST API, signed in as the user with every role. */
    ApiClient api() {
        return new ApiClient(application());
    }

    URL application() {
        try {
            return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/rapport/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document of the management interface, e.g. {@code metrics} or {@code health/ready}. */
    HttpResponse<String> management(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (9990 + portOffset) + "/" + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The log the server's logging configuration writes (the console's copy is not counted). */
    Path serverLog() {
        return dataDir.resolve("log/server.log");
    }

    /** Stops the server as Ctrl+C would, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
