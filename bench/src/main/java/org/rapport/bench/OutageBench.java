package org.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The issue-15 outage against a running server, under load: concurrent readers of {@code GET /api/intake/health}
 * (and {@code /api/runs}), a calls file dropped into the intake as the readers start (so it is being stored
 * when the database stops) and a run started just before the database is
 * stopped; the database is started again after a while. Reports the requests served and failed in each phase
 * (before, during, after the outage), how long after the database was started the API answered again without
 * fault, how much the server log grew, and what became of the file and the run.
 * <p>
 * Arguments ({@code key=value}; the defaults fit the bootable jar on this machine with PostgreSQL 15):
 * {@code url=http://127.0.0.1:8080/rapport user=admin password=... readers=8 before=30 outage=36 after=60
 * stop=pg_ctlcluster,15,main,stop,-m,fast start=pg_ctlcluster,15,main,start log=/path/server.log
 * drop=/path/to/calls.csv intake=/path/data/intake/calls month=2026-10}. {@code drop} and {@code month} are
 * optional; a command's words are separated by commas. Run: {@code ./mvnw -pl bench exec:exec -Dbench.main=org.rapport.bench.OutageBench -Dbench.args="..."}.
 */
public final class OutageBench {

    private enum Phase { BEFORE, DURING, AFTER }

    private final Map<String, String> args;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
    private final Map<Phase, Map<String, LongAdder>> answers = new HashMap<>();
    /** When the database was started again, and the last failed answer seen after that (epoch millis). */
    private final AtomicLong startedAt = new AtomicLong();
    private final AtomicLong lastFaultAfterStart = new AtomicLong();

    private OutageBench(Map<String, String> args) {
        this.args = args;
        for (Phase each : Phase.values()) {
            answers.put(each, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            args.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        new OutageBench(args).run();
    }

    private void run() throws Exception {
        Path log = Path.of(arg("log", "server.log"));
        long logBefore = Files.exists(log) ? Files.size(log) : 0;
        int readers = Integer.parseInt(arg("readers", "8"));
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        for (int reader = 0; reader < readers; reader++) {
            String path = reader % 4 == 3 ? "/api/runs" : "/api/intake/health";
            pool.submit(() -> read(path));
        }
        // the file first, so that it is being stored when the database stops; the run just before the stop
        String dropped = drop();
        pause("before");
        String run = startRun();
        exec(arg("stop", "pg_ctlcluster,15,main,stop,-m,fast"));
        phase.set(Phase.DURING);
        Instant stoppedAt = Instant.now();
        pause("outage");
        exec(arg("start", "pg_ctlcluster,15,main,start"));
        startedAt.set(System.currentTimeMillis());
        phase.set(Phase.AFTER);
        pause("after");
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);

        System.out.printf("outage: database stopped at %s for %s s%n", stoppedAt, arg("outage", "36"));
        for (Phase each : Phase.values()) {
            System.out.printf("%-6s %s%n", each, new java.util.TreeMap<>(answers.get(each)));
        }
        long last = lastFaultAfterStart.get();
        System.out.printf("recovery: %s%n", last == 0 ? "no failed answer after the database was started"
                : "last failed answer " + (last - startedAt.get()) + " ms after the database was started");
        long logAfter = Files.exists(log) ? Files.size(log) : 0;
        System.out.printf("log growth: %,d bytes (%s; a rotation in between makes this a lower bound)%n",
                logAfter - logBefore, log);
        if (dropped != null) {
            Path inbox = Path.of(arg("intake", "data/intake/calls"));
            System.out.printf("file %s: %s%n", dropped, Files.exists(inbox.resolve(".done").resolve(dropped)) ? "stored"
                    : Files.exists(inbox.resolve(".failed").resolve(dropped)) ? "IN .failed" : "still in the inbox");
        }
        if (run != null) {
            System.out.printf("run: %s%n", get("/api/runs").body().lines().findFirst().orElse("")
                    .replaceAll("(?s)^(.{0,400}).*", "$1"));
        }
    }

    private void read(String path) {
        while (!Thread.currentThread().isInterrupted()) {
            String outcome;
            try {
                int status = get(path).statusCode();
                outcome = Integer.toString(status);
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            }
            Phase now = phase.get();
            answers.get(now).computeIfAbsent(outcome, key -> new LongAdder()).increment();
            if (now == Phase.AFTER && !outcome.equals("200")) {
                lastFaultAfterStart.accumulateAndGet(System.currentTimeMillis(), Math::max);
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Copies the calls file into the inbox under a new name (a careful source writes, then renames). */
    private String drop() throws IOException {
        String source = args.get("drop");
        if (source == null) {
            return null;
        }
        Path inbox = Path.of(arg("intake", "data/intake/calls"));
        String name = "outage-bench-" + System.currentTimeMillis() + ".csv";
        Path partial = inbox.resolve("." + name + ".part");
        Files.copy(Path.of(source), partial);
        Files.move(partial, inbox.resolve(name));
        return name;
    }

    private String startRun() throws IOException, InterruptedException {
        String month = args.get("month");
        if (month == null) {
            return null;
        }
        HttpResponse<String> started = http.send(request("/api/runs?month=" + month)
                .header("X-Requested-With", "rapport-bench").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("run of %s: %d %s%n", month, started.statusCode(), started.body());
        return started.body();
    }

    private HttpRequest.Builder request(String path) {
        String credentials = arg("user", "admin") + ":" + arg("password", "");
        return HttpRequest.newBuilder(URI.create(arg("url", "http://127.0.0.1:8080/rapport") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private void pause(String name) throws InterruptedException {
        // the length of a phase of the scenario, not a wait for a condition
        TimeUnit.SECONDS.sleep(Long.parseLong(arg(name, name.equals("outage") ? "36" : name.equals("after") ? "60" : "30")));
    }

    private static void exec(String command) throws IOException, InterruptedException {
        // words separated by commas: the exec plugin splits the arguments at spaces
        List<String> words = new ArrayList<>(List.of(command.split(",")));
        Process process = new ProcessBuilder(words).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' exited with " + process.exitValue());
        }
    }

    private String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }
}
