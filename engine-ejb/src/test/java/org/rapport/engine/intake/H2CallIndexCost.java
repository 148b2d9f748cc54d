package org.rapport.engine.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * A benchmark, not a test: what each of the calls' indexes costs H2 when a month's calls file is stored, through
 * the real intake (read and checked, then written a chunk per transaction) on H2 in a file with the real schema, the
 * indexes named dropped first. The calls come in the order a file gives them: {@code random} (started at any time of
 * the month, as {@code SyntheticMonth} writes them) or {@code lines} (the real Anonymous Bank log's order: by VRU line,
 * each line's calls in the order they started); each is a random one of {@code customers} customers'.
 * <p>
 * Arguments: calls (default 800,000), order ({@code random} or {@code lines}), indexes to drop (comma-separated,
 * or {@code none}), customers (default 100,000), and {@code time} to add the index of start times the calls had
 * before their day index (V108). Prints the seconds and rows a second; see {@code bench/README.md}.
 */
public final class H2CallIndexCost {

    private static final int LINES = 96;
    private static final LocalDateTime MONTH_START = LocalDateTime.parse("2026-10-01T00:00:00");
    private static final int MONTH_SECONDS = 31 * 24 * 3600;

    private H2CallIndexCost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 800_000;
        boolean byLine = args.length > 1 && args[1].equals("lines");
        List<String> dropped = args.length > 2 && !args[2].equals("none") ? List.of(args[2].split(",")) : List.of();
        int customers = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        boolean timeIndex = args.length > 4 && args[4].equals("time");
        Path dir = Files.createTempDirectory("h2-call-index-cost-");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + dir.resolve("rapport") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        h2.setUser("sa");
        try (ResourceLocalStore store = ResourceLocalStore.freshSchema(h2)) {
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                for (String index : dropped) {
                    // names from the command line of whoever runs the benchmark, checked against the schema's
                    if (!index.matches("ix_call_[a-z_]+|ux_call_[a-z_]+")) {
                        throw new IllegalArgumentException("Not a calls index: " + index);
                    }
                    dropConstraintsBackedBy(connection, index);
                    statement.execute("drop index " + index);
                }
                if (timeIndex) {
                    // the index of start times the calls had before V108, to compare with their day index
                    statement.execute("create index ix_call_started on call_record (started_at)");
                }
            }
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            long started = System.nanoTime();
            IntakeReceipt receipt = intake.store(new Delivery(SourceKind.CALLS, "bank", "calls.tsv",
                    "%064x".formatted(calls * 31L + (byLine ? 1 : 0)), null, sink -> {
                        writeCalls(sink, calls, customers, byLine);
                        return null;
                    }));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "H2, %,d calls in %s order, %s dropped%s: %s in %.1f s, %,.0f rows/s%n",
                    calls, byLine ? "the log's (by line)" : "random", dropped.isEmpty() ? "no index" : dropped,
                    timeIndex ? ", time index added" : "",
                    receipt.status(), seconds, calls / seconds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void writeCalls(RecordSink sink, int calls, int customers, boolean byLine) {
        SplittableRandom random = new SplittableRandom(7);
        int perLine = (calls + LINES - 1) / LINES;
        List<CallRecord> line = new ArrayList<>(perLine);
        for (int call = 0; call < calls; call++) {
            int vruLine = byLine ? call / perLine : random.nextInt(LINES);
            int second = random.nextInt(MONTH_SECONDS);
            CallRecord record = new CallRecord(call + 2L, "AA%04d/%d".formatted(vruLine, 10_000 + call),
                    "C-" + (100_000_000 + random.nextInt(customers)), MONTH_START.plusSeconds(second), 9, 30, 150,
                    CallOutcome.ANSWERED, true, 0, 0, Boolean.TRUE, "phone");
            if (!byLine) {
                sink.record(record);
                continue;
            }
            line.add(record);
            if (line.size() == perLine || call == calls - 1) {
                line.sort(Comparator.comparing(CallRecord::startedAt));
                line.forEach(sink::record);
                line.clear();
            }
        }
    }

    /**
     * Drops the constraints an index backs (on H2 the batch index backs the calls' foreign key to their batch), so that
     * the index can be dropped: what the benchmark then measures is the index and its constraint together.
     */
    private static void dropConstraintsBackedBy(Connection connection, String index) throws java.sql.SQLException {
        List<String> constraints = new java.util.ArrayList<>();
        try (var query = connection.prepareStatement("select constraint_name from information_schema.table_constraints"
                + " where table_name = 'CALL_RECORD' and index_name = ?")) {
            query.setString(1, index.toUpperCase(Locale.ROOT));
            try (var found = query.executeQuery()) {
                while (found.next()) {
                    constraints.add(found.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                // a name the database gave, read from its own catalogue
                statement.execute("alter table call_record drop constraint \"" + constraint + "\"");
                System.out.println("Dropped constraint " + constraint + " with " + index);
            }
        }
    }
}
