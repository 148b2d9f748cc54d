package org.rapport.bench.month;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bootable jar started as a user starts it — its own data folder, ports shifted by an offset so it
 * never meets a Rapport or a test server already running, {@code -Xmx2g} — with one preset user holding
 * every role, and spoken to over its REST API. Its heap is followed in a GC log and its resident memory in
 * {@code /proc}, so the benchmark can say how much of each the month took at its peak.
 */
public final class RapportServer implements AutoCloseable {

    static final String USER = "bench";
    private static final String PASSWORD = "bench-only-5Kq8";
    private static final int HTTP_PORT = 8080;
    /** A G1/serial/parallel pause line: {@code ... Pause Young (Normal) (G1 Evacuation Pause) 812M->95M(2048M) 9.1ms}. */
    private static final Pattern GC_PAUSE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String authorization;
    private long peakResidentKb;

    private RapportServer(Process process, Path gcLog, int portOffset) {
        this.process = process;
        this.gcLog = gcLog;
        this.base = "http://127.0.0.1:" + (HTTP_PORT + portOffset) + "/rapport/api/";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code jar} on {@code dataDir} and waits until it answers signed-in API calls.
     *
     * @param environment extra environment, e.g. the PostgreSQL settings ({@code RAPPORT_DB_*})
     */
    public static RapportServer start(Path jar, Path dataDir, int portOffset, String heap, List<String> properties,
            Map<String, String> environment, Duration startup) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path gcLog = dataDir.resolve("gc.log");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms256m", "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Drapport.data.dir=" + dataDir.toAbsolutePath(),
                "-Drapport.schedule.enabled=false",
                // WildFly gives its boot 300 s by default: too little on a busy shared machine
                "-Djboss.as.management.blocking.timeout=1200",
                "-Drapport.users." + USER + ".password=" + PASSWORD,
                "-Drapport.users." + USER + ".roles=board,strategy,integration,admin"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // a benchmark stopped with Ctrl+C stops its server too
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        RapportServer server = new RapportServer(process, gcLog, portOffset);
        try {
            server.awaitReady(startup);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady(Duration startup) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + startup.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The server stopped while starting (exit " + process.exitValue()
                        + "); see server.log in its data folder");
            }
            try {
                HttpResponse<String> answer = http.send(request("session").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("The server did not answer within " + startup);
    }

    /** GET {@code path} (under /rapport/api/) as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(send(request(path).GET().build()));
    }

    /** POST with no body to {@code path}, as a script may: the {@code X-Requested-With} header says so. */
    public JsonNode post(String path) throws IOException, InterruptedException {
        return json.readTree(send(request(path).header("X-Requested-With", "rapport-bench")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** The PDF at {@code path}, e.g. a run's pack. */
    public byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request(path).setHeader("Accept", "application/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    /** Notes the resident set's high-water mark now; call it before stopping. */
    public long peakResidentKb() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peakResidentKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return peakResidentKb;
    }

    /** The most heap in use at any point, in MB: the largest "before" of the GC pauses logged. */
    public long peakHeapMb() throws IOException {
        long peak = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher pause = GC_PAUSE.matcher(line);
                if (pause.find()) {
                    peak = Math.max(peak, Long.parseLong(pause.group(1)));
                }
            }
        }
        return peak;
    }

    /** Stops the server as Ctrl+C would, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
