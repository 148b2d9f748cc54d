package org.rapport.bench.month;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the measuring step's queries on a copy of a server's H2 database left by {@link MonthBenchmark}
 * (month 2026-10): today's pass per KPI and slice ({@code today}), the same figures from one pass
 * ({@code one-pass}), the measuring step's reading as it is now ({@code reading}), and today's passes again after adding covering indexes ({@code covering}, which
 * changes the database: use a copy). Each query runs {@code reps} times under a unique comment, so H2
 * cannot hand back its last result; the minimum and the median are printed.
 *
 * <pre>cp -r bench/target/month/server-h2/db /tmp/probe-db
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.rapport.bench.month.MeasureQueryProbe \
 *      /tmp/probe-db/rapport today 3</pre>
 */
public final class MeasureQueryProbe {

    private MeasureQueryProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("today", "one-pass", "covering", "reading").contains(args[1])) {
            System.err.println("usage: MeasureQueryProbe <h2 database path without .mv.db> today|one-pass|covering|reading <reps>");
            System.exit(2);
        }
        int reps = Integer.parseInt(args[2]);
        List<String[]> statements = new ArrayList<>();
        if (args[1].equals("covering")) {
            statements.addAll(read("measure-covering-indexes.sql"));
        }
        statements.addAll(read(switch (args[1]) {
            case "one-pass" -> "measure-one-pass.sql";
            case "reading" -> "measure-reading.sql";
            default -> "measure-today.sql";
        }));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:" + args[0], "sa", "sa");
                Statement statement = connection.createStatement()) {
            int run = 0;
            for (String[] labelled : statements) {
                String label = labelled[0];
                String sql = labelled[1];
                if (label.startsWith("-- DDL")) {
                    long started = System.nanoTime();
                    statement.execute(sql);
                    System.out.printf(Locale.ROOT, "%-50s %8.2f s%n", label, (System.nanoTime() - started) / 1e9);
                    continue;
                }
                double[] seconds = new double[reps];
                for (int rep = 0; rep < reps; rep++) {
                    long started = System.nanoTime();
                    try (ResultSet rows = statement.executeQuery(sql + " /* run " + run++ + " */")) {
                        while (rows.next()) {
                            // read every row, as the measure does
                        }
                    }
                    seconds[rep] = (System.nanoTime() - started) / 1e9;
                }
                double[] sorted = seconds.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-50s min %6.2f s  median %6.2f s%n", label, sorted[0],
                        sorted[reps / 2]);
            }
        } catch (SQLException e) {
            System.err.println("The probe failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The file's statements: blocks split by blank lines, each led by a {@code -- label} line; comment-only blocks skipped. */
    private static List<String[]> read(String resource) throws IOException {
        try (InputStream in = MeasureQueryProbe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No resource " + resource);
            }
            List<String[]> statements = new ArrayList<>();
            for (String block : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                List<String> lines = block.strip().lines().toList();
                List<String> sql = lines.stream().filter(line -> !line.startsWith("--")).toList();
                if (!lines.isEmpty() && !sql.isEmpty()) {
                    statements.add(new String[] {lines.get(0), String.join("\n", sql)});
                }
            }
            return statements;
        }
    }
}
