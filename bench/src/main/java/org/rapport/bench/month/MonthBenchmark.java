package org.rapport.bench.month;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A month of a synthetic company of N customers, files to published board pack on the real server, beside
 * DuckDB on the same files. Prints each stage's time, peak heap and resident memory, both sets of figures
 * side by side and the time ratio; exits 1 when a figure disagrees or the run did not publish, 2 on bad
 * arguments. See bench/README.md for how to run it.
 */
public final class MonthBenchmark {

    private static final PrintStream OUT = System.out;

    private MonthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(Options options) throws Exception {
        Outcome outcome = measure(options);
        report(outcome);
        return outcome.published() && outcome.comparison().disagreements().isEmpty() ? 0 : 1;
    }

    /** What one month gave: DuckDB's figures and times, and the server's stages and figures. */
    record Outcome(SyntheticMonth.MonthFiles files, DuckDbKpis duckDb, List<Figure> floor, ServerMonth.Result result,
            ServerFileTimes serverTimes) {

        boolean published() {
            return "PUBLISHED".equals(result.status());
        }

        FigureComparison comparison() {
            return new FigureComparison(floor, result.figures());
        }
    }

    /** Writes (or finds) the month's files, has DuckDB measure them, then the server; prints as it goes. */
    static Outcome measure(Options options) throws Exception {
        OUT.printf(Locale.ROOT, "Month %s of %,d customers (seed %d) on %s, server -Xmx%s, %d cores seen%n",
                options.month, options.customers, options.seed, options.database, options.heap,
                Runtime.getRuntime().availableProcessors());
        if (!options.postgresSettings().isEmpty()) {
            OUT.println("PostgreSQL settings: " + options.postgresSettings());
        }
        SyntheticMonth synthetic = new SyntheticMonth(options.customers, options.month, options.seed,
                options.badCalls);
        Path filesDir = options.work.resolve("files-v" + SyntheticMonth.VERSION + "-" + options.customers + "-"
                + options.seed + "-" + options.month
                + (options.badCalls == SyntheticMonth.DEFAULT_PHANTOM_SHARE ? "" : "-bad-" + options.badCalls));
        long generating = System.nanoTime();
        SyntheticMonth.MonthFiles files = generated(synthetic, filesDir);
        OUT.printf(Locale.ROOT, "Files in %s (%.1f s to write or find):%n", filesDir,
                (System.nanoTime() - generating) / 1e9);
        for (Path file : files.all()) {
            OUT.printf(Locale.ROOT, "  %-45s %,12d bytes%n", filesDir.relativize(file), Files.size(file));
        }

        DuckDbKpis duckDb = new DuckDbKpis(files, options.month);
        List<Figure> floor = duckDb.measure();
        OUT.printf(Locale.ROOT, "DuckDB: files loaded in %.2f s, KPIs in %.2f s%n", duckDb.loadMillis() / 1e3,
                duckDb.kpiMillis() / 1e3);

        Path dataDir = options.work.resolve("server-" + options.database);
        deleteRecursively(dataDir);
        ServerMonth serverMonth = new ServerMonth(files, options.month, dataDir, options.patience);
        serverMonth.defineSources();
        List<String> properties = new ArrayList<>(List.of(
                "-Drapport.sources.file-roots=" + serverMonth.drops().toAbsolutePath(),
                // one run for the whole month, started when every file is stored
                "-Drapport.run.quiet-period-seconds=86400"));
        Map<String, String> environment = new HashMap<>();
        EmbeddedPostgres postgres = null;
        ServerMonth.Result result;
        try {
            if (options.database.equals("postgresql")) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(options.work.resolve("postgres-data")).setCleanDataDirectory(true);
                options.postgresSettings().forEach(builder::setServerConfig);
                postgres = builder.start();
                createDatabase(postgres.getPostgresDatabase());
                environment.put("RAPPORT_DB_DRIVER", "postgresql");
                environment.put("RAPPORT_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/rapport");
                environment.put("RAPPORT_DB_USER", "postgres");
                environment.put("RAPPORT_DB_PASSWORD", "postgres");
            }
            long starting = System.nanoTime();
            try (RapportServer server = RapportServer.start(options.jar, dataDir, options.portOffset, options.heap,
                    properties, environment, Duration.ofMinutes(20))) {
                OUT.printf(Locale.ROOT, "Server up in %.1f s (data %s)%n", (System.nanoTime() - starting) / 1e9, dataDir);
                result = serverMonth.deliverAndRun(server);
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        return new Outcome(files, duckDb, floor, result, ServerFileTimes.read(dataDir.resolve("server.log")));
    }

    /** Prints each stage's time, memory, both sets of figures side by side and the time ratio. */
    static void report(Outcome outcome) {
        DuckDbKpis duckDb = outcome.duckDb();
        List<Figure> floor = outcome.floor();
        ServerMonth.Result result = outcome.result();
        OUT.println();
        OUT.printf(Locale.ROOT, "%-28s %10s %10s %9s %8s %9s | %8s %9s %10s | %16s %9s%n", "intake", "lines", "rows",
                "quarant.", "drop → stored s", "rows/s", "storing s", "rows/s", "lines/s", "server: staged+merged s",
                "rows/s");
        for (ServerMonth.Intake intake : result.intake()) {
            Optional<ServerFileTimes.Times> server = outcome.serverTimes().of(intake.file());
            OUT.printf(Locale.ROOT, "%-28s %,10d %,10d %,9d %15.1f %,9.0f | %9s %,9.0f %,10.0f | %23s %9s  %s%n",
                    intake.source(), intake.lines(), intake.rows(), intake.quarantined(), intake.millis() / 1e3,
                    intake.rowsPerSecond(),
                    intake.storingMillis() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", intake.storingMillis() / 1e3),
                    intake.rowsPerSecondStoring(), intake.linesPerSecondStoring(),
                    server.map(times -> String.format(Locale.ROOT, "%.2f + %.2f", times.staged(), times.merged()))
                            .orElse("—"),
                    server.map(times -> String.format(Locale.ROOT, "%,.0f", intake.rows() / times.total()))
                            .orElse("—"),
                    intake.status());
        }
        OUT.println("(storing: from the first poll that saw the file stored rather than waiting its turn, 0.25 s apart;"
                + " server: the times its log gives a staged file, PostgreSQL only)");
        OUT.printf(Locale.ROOT, "%-34s %12s %10s %12.1f%n", "all files stored", "", "", result.intakeMillis() / 1e3);
        OUT.printf(Locale.ROOT, "run %d: %s%s%n", result.runId(), result.status(),
                result.failure() == null ? "" : " — " + result.failure());
        for (ServerMonth.Step step : result.steps()) {
            OUT.printf(Locale.ROOT, "  %-32s %12.1f s%n", step.name(), step.millis() / 1e3);
        }
        OUT.printf(Locale.ROOT, "%-34s %12.1f s%n", "run (start → published)", result.runMillis() / 1e3);
        OUT.printf(Locale.ROOT, "%-34s %12.1f s%n", "files → published pack", result.totalMillis() / 1e3);
        OUT.printf(Locale.ROOT, "pack %,d bytes; server peak heap %,d MB (GC log), peak RSS %,d MB%n",
                result.packBytes(), result.peakHeapMb(), result.peakResidentMb());

        if (!outcome.published()) {
            OUT.printf(Locale.ROOT, "%nNo figures to compare: the run did not publish. DuckDB's %d figures took %.2f s.%n",
                    floor.size(), (duckDb.loadMillis() + duckDb.kpiMillis()) / 1e3);
            return;
        }
        FigureComparison comparison = outcome.comparison();
        OUT.println();
        OUT.printf(Locale.ROOT, "%-24s %12s %12s %10s %s%n", "KPI (overall)", "Rapport", "DuckDB", "n", "");
        for (FigureComparison.Pair pair : comparison.pairs()) {
            if (pair.duckDb().dimension().equals(Figure.OVERALL)) {
                OUT.printf(Locale.ROOT, "%-24s %12s %12s %,10d %s%n", pair.duckDb().code(),
                        pair.rapport() == null ? "—" : pair.rapport().value(), pair.duckDb().value(),
                        pair.duckDb().sampleSize(), pair.agrees() ? "" : "DIFFERS");
            }
        }
        List<FigureComparison.Pair> differing = comparison.disagreements();
        OUT.printf(Locale.ROOT, "%d figures compared (overall, by segment, value band and channel): %s%n",
                comparison.pairs().size(), differing.isEmpty() ? "all agree" : differing.size() + " differ");
        for (FigureComparison.Pair pair : differing) {
            OUT.printf(Locale.ROOT, "  DIFFERS %s: Rapport %s (n %s), DuckDB %s (n %d)%n", pair.duckDb().key(),
                    pair.rapport() == null ? "none" : pair.rapport().value(),
                    pair.rapport() == null ? "-" : Long.toString(pair.rapport().sampleSize()), pair.duckDb().value(),
                    pair.duckDb().sampleSize());
        }
        long duckMillis = Math.max(1, duckDb.loadMillis() + duckDb.kpiMillis());
        OUT.println();
        OUT.printf(Locale.ROOT, "files → KPIs: Rapport %.1f s (to published pack), DuckDB %.2f s: %.0f× DuckDB%n",
                result.totalMillis() / 1e3, duckMillis / 1e3, (double) result.totalMillis() / duckMillis);
    }

    private static SyntheticMonth.MonthFiles generated(SyntheticMonth synthetic, Path directory) throws IOException {
        Path complete = directory.resolve(".complete");
        if (!Files.exists(complete)) {
            deleteRecursively(directory);
            SyntheticMonth.MonthFiles files = synthetic.write(directory);
            Files.writeString(complete, "written\n");
            return files;
        }
        // the same size, seed and month give the same bytes: written once, reused for the other database
        return synthetic.paths(directory);
    }

    private static void createDatabase(DataSource postgres) throws java.sql.SQLException {
        try (var connection = postgres.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database rapport");
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The command line. */
    record Options(int customers, String database, YearMonth month, long seed, Path work, Path jar, int portOffset,
            String heap, Duration patience, double badCalls, Map<String, String> postgresSettings) {

        static final String USAGE = """
                usage: MonthBenchmark [--customers N] [--database h2|postgresql] [--month 2026-10] [--seed 2026]
                                      [--work bench/target/month] [--jar web/target/rapport-bootable.jar]
                                      [--port-offset 500] [--heap 2g] [--patience-minutes 60]
                                      [--bad-calls 0.002 (share of the bank's calls that are bad rows)]
                                      [--postgres-settings name=value,name=value (server settings of the
                                       benchmark's PostgreSQL, e.g. log_min_duration_statement=1000)]""";

        /** A PostgreSQL setting's name: letters, digits and underscores, as {@code postgresql.conf} spells them. */
        private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile("[a-z][a-z0-9_.]*");

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int index = 0; index < args.length; index += 2) {
                if (!args[index].startsWith("--") || index + 1 >= args.length) {
                    throw new IllegalArgumentException("'" + args[index] + "' is not an option with a value");
                }
                given.put(args[index].substring(2), args[index + 1]);
            }
            List<String> known = List.of("customers", "database", "month", "seed", "work", "jar", "port-offset", "heap",
                    "patience-minutes", "bad-calls", "postgres-settings");
            for (String name : given.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("--" + name + " is not an option");
                }
            }
            String database = given.getOrDefault("database", "h2");
            if (!List.of("h2", "postgresql").contains(database)) {
                throw new IllegalArgumentException("--database is h2 or postgresql, not " + database);
            }
            return new Options(Integer.parseInt(given.getOrDefault("customers", "10000")), database,
                    YearMonth.parse(given.getOrDefault("month", "2026-10")),
                    Long.parseLong(given.getOrDefault("seed", "2026")),
                    Path.of(given.getOrDefault("work", "bench/target/month")).toAbsolutePath(),
                    Path.of(given.getOrDefault("jar", "web/target/rapport-bootable.jar")),
                    Integer.parseInt(given.getOrDefault("port-offset", "500")), given.getOrDefault("heap", "2g"),
                    Duration.ofMinutes(Long.parseLong(given.getOrDefault("patience-minutes", "60"))),
                    Double.parseDouble(given.getOrDefault("bad-calls",
                            Double.toString(SyntheticMonth.DEFAULT_PHANTOM_SHARE))),
                    settings(given.getOrDefault("postgres-settings", "")));
        }

        private static Map<String, String> settings(String given) {
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            for (String setting : given.split(",")) {
                if (setting.isBlank()) {
                    continue;
                }
                String[] nameAndValue = setting.split("=", 2);
                if (nameAndValue.length != 2 || !SETTING.matcher(nameAndValue[0].trim()).matches()) {
                    throw new IllegalArgumentException("--postgres-settings takes name=value pairs, not " + setting);
                }
                settings.put(nameAndValue[0].trim(), nameAndValue[1].trim());
            }
            return settings;
        }
    }
}
