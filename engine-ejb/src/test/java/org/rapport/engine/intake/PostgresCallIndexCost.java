package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * A benchmark, not a test: what each of the calls' indexes costs PostgreSQL when a file's new calls are made their
 * batch, as the staged merge's insert does it ({@code insert … select} from an unlogged table, one backend), on
 * embedded PostgreSQL with the real schema, the indexes named dropped first. The calls are generated in SQL, keyed
 * as the Anonymous Bank log keys them ({@code AA1000/0}, {@code AA1001/1}, …), and written as {@code batches}
 * successive batches of {@code calls} each, so that the later ones go into a table that already holds the earlier.
 * The batch-check triggers (V100, about 0.6 s a million calls) are disabled: they check a statement, not a row.
 * <p>
 * Arguments: calls a batch (default 1,000,000), batches (default 3), indexes to drop (comma-separated, or
 * {@code none}). Prints each batch's seconds; see {@code bench/README.md}.
 */
public final class PostgresCallIndexCost {

    private static final List<String> COLUMNS = List.of("customer_ref", "call_ref", "started_at", "ivr_seconds",
            "queue_seconds", "talk_seconds", "outcome", "wanted_agent", "transfers", "times_reidentified",
            "agent_saw_history", "channel");

    private PostgresCallIndexCost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> dropped = args.length > 2 && !args[2].equals("none") ? List.of(args[2].split(",")) : List.of();
        DataSource postgres = EmbeddedPostgresServer.newDatabase("call_index_cost");
        // the schema as the migrations make it; the statements below need no entity manager
        ResourceLocalStore.freshSchema(postgres).close();
        try (Connection connection = postgres.getConnection();
                Statement statement = connection.createStatement()) {
            for (String index : dropped) {
                // names from the command line of whoever runs the benchmark, checked against the schema's
                if (!index.matches("ix_call_[a-z_]+|ux_call_[a-z_]+")) {
                    throw new IllegalArgumentException("Not a calls index: " + index);
                }
                statement.execute("drop index " + index);
            }
            statement.execute("alter table call_record disable trigger user");
            statement.execute("create unlogged table generated_call as select g as id, "
                    + "'AA' || (1000 + g % 50) || '/' || g as record_key, g * 31 as content_hash,"
                    + " case when g % 3 = 0 then null else (10000000 + g)::text end as customer_ref,"
                    + " (g % 1000000)::text as call_ref,"
                    + " timestamp '2026-10-01 07:00' + (g % 600) * interval '1 minute' + (g / 40000) * interval '1 day'"
                    + "   as started_at, 9 as ivr_seconds, 0 as queue_seconds, 120 as talk_seconds,"
                    + " 'ANSWERED' as outcome, true as wanted_agent, 0 as transfers, 0 as times_reidentified,"
                    + " false as agent_saw_history, 'phone' as channel"
                    + " from generate_series(1::bigint, " + (long) calls * batches + "::bigint) g");
            String columns = String.join(", ", COLUMNS);
            double total = 0;
            for (int batch = 0; batch < batches; batch++) {
                long started = System.nanoTime();
                statement.executeUpdate("insert into call_record (id, batch_id, content_hash, record_key, source, "
                        + columns + ") select id, " + (batch + 1) + ", content_hash, record_key, 'bank', " + columns
                        + " from generated_call where id > " + (long) batch * calls + " and id <= "
                        + (long) (batch + 1) * calls);
                double seconds = (System.nanoTime() - started) / 1e9;
                total += seconds;
                System.out.printf(Locale.ROOT, "batch %d: %,d calls in %.2f s%n", batch + 1, calls, seconds);
            }
            System.out.printf(Locale.ROOT, "indexes dropped: %s; %,d batches in %.2f s%n",
                    dropped.isEmpty() ? "none" : String.join(", ", dropped), batches, total);
        }
    }
}
