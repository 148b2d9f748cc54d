package org.rapport.bench.month;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The month through a running server, as a company would deliver it: the customers and the canonical
 * survey answers dropped into their intake folders, the bank's call log, the PBX's CDRs and the Qualtrics
 * export into the folders of the three sources that read them. Each file is timed from the drop until the ledger shows it
 * stored; then the month is run on demand (intake-triggered runs are held off so that one run measures the
 * whole month) and each step of the run is timed from the run's progress as the API reports it.
 */
public final class ServerMonth {

    private static final Duration POLL = Duration.ofMillis(250);
    /** The run's steps in order (monthly-run.xml). */
    private static final List<String> RUN_STEPS = List.of("CLOSE_INTAKE", "MEASURE", "SCORE", "EVALUATE", "RENDER",
            "PUBLISH", "DISTRIBUTE");
    /** The zone the sources' local times are read in: the server's own, so no time moves. */
    private static final String ZONE = java.time.ZoneId.systemDefault().getId();

    /**
     * One delivered file: where it goes, what the ledger said, how long from the drop until stored and how long it
     * was being stored (from when the month's readiness first listed it as stored rather than waiting its turn, to
     * within a poll; -1 when it went in between two polls).
     *
     * @param lines the file's lines (a header's included): a CDR file has a line per leg, several a call
     */
    public record Intake(String source, String file, long lines, long rows, long quarantined, String status,
            long millis, long storingMillis) {
        public double rowsPerSecond() {
            return millis == 0 ? 0 : rows * 1000.0 / millis;
        }

        /** Rows stored a second while the file was being stored, or NaN when that was not seen. */
        public double rowsPerSecondStoring() {
            return storingMillis <= 0 ? Double.NaN : rows * 1000.0 / storingMillis;
        }

        /** The file's lines read a second while it was being stored, or NaN. */
        public double linesPerSecondStoring() {
            return storingMillis <= 0 ? Double.NaN : lines * 1000.0 / storingMillis;
        }
    }

    /** One step of the monthly run and how long it took. */
    public record Step(String name, long millis) {
    }

    /** What the month took on the server. */
    public record Result(long runId, String status, String failure, List<Intake> intake, long intakeMillis,
            List<Step> steps, long runMillis, List<Figure> figures, long packBytes, long peakHeapMb,
            long peakResidentMb) {
        public long totalMillis() {
            return intakeMillis + runMillis;
        }
    }

    private final SyntheticMonth.MonthFiles files;
    private final YearMonth month;
    private final Path dataDir;
    private final Duration patience;

    public ServerMonth(SyntheticMonth.MonthFiles files, YearMonth month, Path dataDir, Duration patience) {
        this.files = files;
        this.month = month;
        this.dataDir = dataDir;
        this.patience = patience;
    }

    /** Where the two defined sources pick their files up; the server must be told it may read there. */
    public Path drops() {
        return dataDir.resolve("drops");
    }

    /** The source definitions for the bank's call log, the PBX's CDRs and the Qualtrics export, written before the server starts. */
    public void defineSources() throws IOException {
        Path sources = Files.createDirectories(dataDir.resolve("sources"));
        Files.createDirectories(drops().resolve(SyntheticMonth.BANK_IVR));
        Files.createDirectories(drops().resolve(SyntheticMonth.QUALTRICS));
        Files.writeString(sources.resolve("bank-ivr.json"), """
                {
                  "name": "bank-ivr", "kind": "calls", "format": "anonymous-bank",
                  "transport": {"type": "file", "directory": "%s", "include": "anonymous_bank_*.tsv"},
                  "charset": "US-ASCII", "timeZone": "%s"
                }
                """.formatted(jsonPath(drops().resolve(SyntheticMonth.BANK_IVR)), ZONE));
        Files.createDirectories(drops().resolve(SyntheticMonth.PBX_CDR));
        Files.writeString(sources.resolve("pbx-cdr.json"), """
                {
                  "name": "pbx-cdr", "kind": "calls", "format": "asterisk-cdr-csv",
                  "transport": {"type": "file", "directory": "%s", "include": "Master*.csv"},
                  "timeZone": "%s",
                  // the PBX writes the customer id the IVR collected into the account code
                  "fields": {"customer_id": "accountcode"}
                }
                """.formatted(jsonPath(drops().resolve(SyntheticMonth.PBX_CDR)), ZONE));
        Files.writeString(sources.resolve("qualtrics.json"), """
                {
                  "name": "qualtrics", "kind": "survey-responses", "format": "qualtrics-csv",
                  "transport": {"type": "file", "directory": "%s", "include": "qualtrics_*.csv"}, "timeZone": "%s",
                  "fields": {"nps": "QID1", "csat": "QID2", "effort": "QID3", "comment": "QID4_TEXT",
                             "survey": {"constant": "relationship-nps"}, "touchpoint": {"constant": "email"}}
                }
                """.formatted(jsonPath(drops().resolve(SyntheticMonth.QUALTRICS)), ZONE));
    }

    /** Drops the files, waits for each to be stored, runs the month and waits for it to be published or to fail. */
    public Result deliverAndRun(RapportServer server) throws IOException, InterruptedException {
        awaitSourcesRunning(server);
        Map<Path, Path> targets = new LinkedHashMap<>();
        targets.put(files.customers(), dataDir.resolve("intake").resolve("customers"));
        targets.put(files.surveys(), dataDir.resolve("intake").resolve("survey-responses"));
        targets.put(files.bankCalls(), drops().resolve(SyntheticMonth.BANK_IVR));
        targets.put(files.pbxCalls(), drops().resolve(SyntheticMonth.PBX_CDR));
        targets.put(files.qualtrics(), drops().resolve(SyntheticMonth.QUALTRICS));
        // Copied under hidden names first (the folders' readers skip dot files), then all moved into place at once.
        List<Path[]> moves = new ArrayList<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        for (Map.Entry<Path, Path> target : targets.entrySet()) {
            lines.put(target.getKey().getFileName().toString(), linesOf(target.getKey()));
            Path folder = Files.createDirectories(target.getValue());
            String name = target.getKey().getFileName().toString();
            Path hidden = folder.resolve("." + name + ".part");
            Files.copy(target.getKey(), hidden, StandardCopyOption.REPLACE_EXISTING);
            moves.add(new Path[] {hidden, folder.resolve(name)});
        }
        long dropped = System.nanoTime();
        for (Path[] move : moves) {
            Files.move(move[0], move[1], StandardCopyOption.ATOMIC_MOVE);
        }
        List<Intake> intake = awaitStored(server, dropped, lines);
        // The ledger lists a file as stored a moment before the intake lets go of it; a run asked for in between
        // would wait for it (readiness: "being stored now"), so the intake ends when nothing is being stored.
        long settled = awaitNothingBeingStored(server, dropped);
        long intakeMillis = Math.max(settled, intake.stream().mapToLong(Intake::millis).max().orElse(0));

        long runStarted = System.nanoTime();
        long runId = server.post("runs?month=" + month).get("id").asLong();
        List<Step> steps = new ArrayList<>();
        JsonNode run = awaitRun(server, runId, runStarted, steps);
        long runMillis = (System.nanoTime() - runStarted) / 1_000_000;
        String status = run.get("status").asText();
        List<Figure> figures = new ArrayList<>();
        long packBytes = 0;
        if ("PUBLISHED".equals(status)) {
            for (JsonNode line : server.get("runs/" + runId + "/kpis")) {
                JsonNode value = line.get("value");
                figures.add(new Figure(line.get("code").asText(), line.get("dimension").asText(),
                        value == null || value.isNull() ? null : new BigDecimal(value.asText()),
                        line.get("sampleSize").asLong()));
            }
            packBytes = server.bytes("runs/" + runId + "/pack").length;
        }
        return new Result(runId, status, run.path("failure").asText(null), intake, intakeMillis, steps, runMillis,
                figures, packBytes, server.peakHeapMb(), server.peakResidentKb() / 1024);
    }

    private void awaitSourcesRunning(RapportServer server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode sources = server.get("sources");
            int running = 0;
            for (JsonNode source : sources.get("sources")) {
                if (source.get("running").asBoolean()) {
                    running++;
                }
            }
            if (running >= 3) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("The sources did not start: " + sources);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Milliseconds from the drop until the month's readiness lists no delivery being stored. */
    private long awaitNothingBeingStored(RapportServer server, long dropped) throws IOException, InterruptedException {
        long deadline = dropped + patience.toNanos();
        while (true) {
            JsonNode readiness = server.get("readiness/" + month);
            long now = System.nanoTime();
            if (readiness.path("beingStored").isEmpty()) {
                return (now - dropped) / 1_000_000;
            }
            if (now > deadline) {
                throw new IOException("Still being stored after " + patience + ": " + readiness.get("beingStored"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private List<Intake> awaitStored(RapportServer server, long dropped, Map<String, Long> lines)
            throws IOException, InterruptedException {
        Map<String, Intake> stored = new LinkedHashMap<>();
        Map<String, Long> storingSince = new HashMap<>();
        long deadline = dropped + patience.toNanos();
        while (stored.size() < lines.size()) {
            long now = System.nanoTime();
            // "source file", or "source file (waiting its turn)"
            for (JsonNode delivery : server.get("readiness/" + month).path("beingStored")) {
                String[] sourceAndFile = delivery.asText().split(" ", 2);
                if (sourceAndFile.length == 2 && lines.containsKey(sourceAndFile[1])) {
                    storingSince.putIfAbsent(sourceAndFile[1], now);
                }
            }
            for (JsonNode batch : server.get("intake/batches?limit=100")) {
                String name = batch.get("fileName").asText();
                // a large file is listed while its parts are merged: it is stored once it is no longer being stored
                if (lines.containsKey(name) && !stored.containsKey(name)
                        && !"BEING_STORED".equals(batch.get("status").asText())) {
                    Long since = storingSince.get(name);
                    stored.put(name, new Intake(batch.get("source").asText(), name, lines.get(name),
                            batch.get("rowsAccepted").asLong(), batch.get("rowsQuarantined").asLong(),
                            batch.get("status").asText(), (now - dropped) / 1_000_000,
                            since == null ? -1 : (now - since) / 1_000_000));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Not every file was stored within " + patience + ": stored " + stored.keySet());
            }
            if (stored.size() < lines.size()) {
                Thread.sleep(POLL.toMillis());
            }
        }
        return new ArrayList<>(stored.values());
    }

    /** Counts a file's line ends (a last line without one counted too). */
    static long linesOf(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /** Polls the run until it is no longer running, noting when each step completed. */
    private JsonNode awaitRun(RapportServer server, long runId, long started, List<Step> steps)
            throws IOException, InterruptedException {
        long deadline = started + patience.toNanos();
        String completed = null;
        long lastChange = started;
        while (true) {
            JsonNode run = find(server.get("runs"), runId);
            long now = System.nanoTime();
            String step = run.path("completedStep").asText(null);
            if (step != null && !step.equals(completed)) {
                steps.add(new Step(stepsUpTo(completed, step), (now - lastChange) / 1_000_000));
                completed = step;
                lastChange = now;
            }
            if (!"RUNNING".equals(run.get("status").asText())) {
                if (run.hasNonNull("currentStep") && !run.get("currentStep").asText().equals(completed)) {
                    steps.add(new Step(run.get("currentStep").asText() + " (" + run.get("status").asText() + ")",
                            (now - lastChange) / 1_000_000));
                }
                return run;
            }
            if (now > deadline) {
                throw new IOException("Run " + runId + " still running after " + patience + ": " + run);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * The steps completed since {@code previous} up to {@code step}, e.g. "SCORE + EVALUATE" when the poll
     * did not see the first of them complete on its own.
     */
    static String stepsUpTo(String previous, String step) {
        int from = previous == null ? 0 : RUN_STEPS.indexOf(previous) + 1;
        int to = RUN_STEPS.indexOf(step);
        if (from < 0 || to < from) {
            return step;
        }
        return String.join(" + ", RUN_STEPS.subList(from, to + 1));
    }

    private static JsonNode find(JsonNode runs, long runId) throws IOException {
        for (JsonNode run : runs) {
            if (run.get("id").asLong() == runId) {
                return run;
            }
        }
        throw new IOException("Run " + runId + " is not listed: " + runs);
    }

    private static String jsonPath(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
