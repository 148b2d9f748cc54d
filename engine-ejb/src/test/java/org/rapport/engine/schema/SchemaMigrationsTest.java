package org.rapport.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.ResourceLocalStore;

class SchemaMigrationsTest {

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void anEmptyDatabaseGetsEveryMigrationAndTheEntitiesMatchTheResult(FreshDatabase database) {
        DataSource dataSource = database.create();

        SchemaMigrations.on(dataSource).migrate();

        assertThat(history(dataSource)).containsExactlyElementsOf(everyVersionApplied());
        // opening the unit migrates (nothing left to do) and validates every entity against the schema
        try (ResourceLocalStore store = ResourceLocalStore.open(dataSource, Map.of())) {
            assertThat(store.factory().isOpen()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void anEntityChangeWithoutItsMigrationStopsTheStart(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrate();
        // the same as an entity that gained a field no migration adds
        FreshDatabase.execute(dataSource, "alter table run drop column failure");

        assertThatThrownBy(() -> ResourceLocalStore.open(dataSource, Map.of()))
                .hasStackTraceContaining("missing column [failure]");
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void anEnumLikeColumnTakesAValueALaterReleaseAdds(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrate();

        FreshDatabase.execute(dataSource, "insert into audit_entry (id, recorded_at, action, recorded_by, subject) "
                + "values (1, current_timestamp, 'RULE_SET_EXPORTED', 'admin', 'v7')");

        assertThat(count(dataSource, "audit_entry where action = 'RULE_SET_EXPORTED'"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void theColumnsRunsAndRuleSetsAreReadByAreIndexed(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrate();

        assertThat(indexedColumns(dataSource, "customer_score")).contains("run_id,customer_ref");
        assertThat(indexedColumns(dataSource, "improvement_trigger")).contains("run_id");
        assertThat(indexedColumns(dataSource, "pack_delivery")).contains("run_id");
        assertThat(indexedColumns(dataSource, "rule_file")).contains("version_id");
        assertThat(indexedColumns(dataSource, "action_status_change")).contains("trigger_id");
        assertThat(indexedColumns(dataSource, "call_record")).as("a month's batches read a batch a day at a time"
                + " (CallBatches)").contains("started_on,batch_id").doesNotContain("started_on");
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aDatabaseNewerThanTheApplicationStopsTheStartAndIsLeftAsItWas(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrateTo(MigrationVersion.fromVersion("2"));
        FreshDatabase.execute(dataSource, "insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "values (99, '9999', 'from a later release', 'SQL', 'common/V9999__later.sql', 1, 'rapport', 1, true)");
        List<String> before = history(dataSource);

        assertThatThrownBy(() -> SchemaMigrations.on(dataSource).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("at version 9999, newer than this release knows (" + latestVersion() + ")")
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> ResourceLocalStore.open(dataSource, Map.of()))
                .hasStackTraceContaining("at version 9999, newer than this release knows");
        assertThat(history(dataSource)).isEqualTo(before).doesNotContain(latestVersion() + ":true");
    }

    /**
     * The calls are read by the day they started on (V108): calls stored before the upgrade get their day from their
     * start time, as new calls do, and a call corrected to another time moves to that time's day.
     */
    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void callsStoredBeforeTheDayIndexAreFoundByTheirDay(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrateTo(MigrationVersion.fromVersion("107"));
        FreshDatabase.execute(dataSource, acceptedBatch("bank-ivr", "calls.tsv", "CALLS"),
                call(1, "timestamp '2026-10-31 23:59:59.999999'"), call(2, "timestamp '2026-11-01 00:00:00'"));

        SchemaMigrations.on(dataSource).migrate();
        FreshDatabase.execute(dataSource, call(3, "timestamp '2026-11-01 00:00:01'"),
                "update call_record set started_at = timestamp '2026-10-30 12:00:00' where id = 2");

        assertThat(count(dataSource, "call_record where started_on = date '2026-10-31'")).isEqualTo(1);
        assertThat(count(dataSource, "call_record where started_on = date '2026-10-30' and id = 2")).isEqualTo(1);
        assertThat(count(dataSource, "call_record where started_on = date '2026-11-01' and id = 3")).isEqualTo(1);
    }

    /**
     * H2 saves its store whenever a sequence's reserved values run out; the tables a file fills take their ids in
     * blocks of 10,000 values (V109), so that a month's calls do not save the store hundreds of times.
     */
    @ParameterizedTest
    @EnumSource(value = FreshDatabase.class, names = "H2")
    void theSequencesOfTheTablesFilesFillReserveLargeBlocksOnH2(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrate();

        for (String table : List.of("call_record", "customer", "survey_response", "purchase", "service_case",
                "quarantined_record")) {
            assertThat(count(dataSource, "information_schema.sequences where sequence_name = '"
                    + table.toUpperCase(Locale.ROOT) + "_SEQ' and cache >= 10000")).as(table).isEqualTo(1);
        }
    }

    private static String call(long id, String startedAt) {
        return "insert into call_record (ivr_seconds, queue_seconds, talk_seconds, times_reidentified, transfers,"
                + " wanted_agent, batch_id, id, started_at, outcome, source, record_key) values (0, 0, 0, 0, 0, false,"
                + " 1, " + id + ", " + startedAt + ", 'ANSWERED', 'bank-ivr', 'k-" + id + "')";
    }

    /**
     * The survey answers are partitioned by key like the calls (V114): answers stored before the upgrade are all there,
     * each in the partition of its key's bucket, and the table keeps what its keys and batch checks guaranteed.
     */
    @ParameterizedTest
    @EnumSource(value = FreshDatabase.class, names = "POSTGRESQL")
    void surveyAnswersStoredBeforeTheirPartitioningAreKeptAndStillChecked(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrateTo(MigrationVersion.fromVersion("113"));
        FreshDatabase.execute(dataSource, acceptedBatch("surveys", "answers.csv", "SURVEY_RESPONSES"),
                answer(1, 1, "r-1"), answer(2, 1, "r-2"), answer(3, 1, "r-3"));

        SchemaMigrations.on(dataSource).migrate();

        assertThat(count(dataSource, "pg_inherits where inhparent = 'survey_response'::regclass")).isEqualTo(16);
        assertThat(count(dataSource, "survey_response where batch_id = 1")).isEqualTo(3);
        for (String key : List.of("r-1", "r-2", "r-3")) {
            assertThat(count(dataSource, "survey_response_p" + String.format(Locale.ROOT, "%02d", bucketOf(
                    dataSource, key)) + " where record_key = '" + key + "'")).as(key).isEqualTo(1);
        }
        assertThatThrownBy(() -> FreshDatabase.execute(dataSource, answer(4, 1, "r-1")))
                .as("a key is stored once a source").hasStackTraceContaining("Key (record_key, source)=(r-1, surveys) already exists");
        assertThatThrownBy(() -> FreshDatabase.execute(dataSource, answer(5, 99, "r-5")))
                .as("an answer's batch exists").hasStackTraceContaining("refers to no source_batch");
        assertThatThrownBy(() -> FreshDatabase.execute(dataSource, "delete from source_batch where id = 1"))
                .as("a batch goes only with its answers").hasStackTraceContaining("still referred to");
        assertThat(count(dataSource, "survey_response")).isEqualTo(3);
        assertThat(count(dataSource, "source_batch")).isEqualTo(1);
    }

    /** Batch 1, accepted: what the records an upgrade test stores refer to. */
    private static String acceptedBatch(String source, String name, String kind) {
        return "insert into source_batch (id, received_at, checksum, source, name, kind, status, rows_accepted,"
                + " rows_quarantined) values (1, current_timestamp, 'abc', '" + source + "', '" + name + "', '" + kind
                + "', 'ACCEPTED', 0, 0)";
    }

    private static String answer(long id, long batch, String key) {
        return "insert into survey_response (id, batch_id, responded_at, nps, source, record_key, response_ref)"
                + " values (" + id + ", " + batch + ", timestamp '2026-10-15 10:00:00', 9, 'surveys', '" + key + "', '"
                + key + "')";
    }

    /** The bucket (hash partition) PostgreSQL puts {@code key} in, as the staging's partitions of 16 do. */
    private static long bucketOf(DataSource dataSource, String key) {
        for (int bucket = 0; bucket < 16; bucket++) {
            if (count(dataSource, "(select satisfies_hash_partition('staged_survey_response'::regclass, 16, " + bucket
                    + ", '" + key + "'::varchar) as in_bucket) b where in_bucket") == 1) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket holds " + key);
    }

    /**
     * The calls' partitioning (V103) cuts a staged file into buckets of another kind than the release before: a file
     * that release left part merged would be merged wrongly, so the upgrade stops, changes nothing, and says why.
     */
    @ParameterizedTest
    @EnumSource(value = FreshDatabase.class, names = "POSTGRESQL")
    void anUpgradeWhileAFileIsHalfMergedStopsAndChangesNothing(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrateTo(MigrationVersion.fromVersion("102"));
        FreshDatabase.execute(dataSource, "insert into intake_staging (id, source, file_name, checksum, owner,"
                + " started_at, touched_at, batch_id, merged_buckets) values (1, 'bank-ivr', 'calls.tsv', 'abc',"
                + " 'stopped', current_timestamp, current_timestamp, 7, 3)");
        List<String> before = history(dataSource);

        assertThatThrownBy(() -> SchemaMigrations.on(dataSource).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("A file is being stored in parts: let the earlier version finish it")
                .hasMessageContaining("nothing was changed");
        assertThat(history(dataSource)).isEqualTo(before).doesNotContain(latestVersion() + ":true");
        assertThat(count(dataSource, "pg_partitioned_table")).as("no table partitioned").isZero();
        assertThat(count(dataSource, "intake_staging where merged_buckets = 3")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aScriptEditedAfterItRanStopsTheStartAndNothingIsMigrated(FreshDatabase database) {
        DataSource dataSource = database.create();
        SchemaMigrations.on(dataSource).migrateTo(MigrationVersion.fromVersion("2"));
        FreshDatabase.execute(dataSource,
                "update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"version\" = '2'");
        List<String> before = history(dataSource);

        assertThatThrownBy(() -> SchemaMigrations.on(dataSource).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("does not match this release's migration scripts, so nothing was migrated")
                .hasMessageContaining("checksum mismatch for migration version 2");
        assertThat(history(dataSource)).isEqualTo(before).doesNotContain(latestVersion() + ":true");
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void twoServersMigratingAtOnceApplyEachMigrationOnce(FreshDatabase database) throws Exception {
        DataSource dataSource = database.create();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> migrate = () -> {
            start.await();
            try {
                return SchemaMigrations.on(dataSource).migrate().migrationsExecuted;
            } catch (SchemaMigrationException e) {
                return e;
            }
        };
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Future<Object> first = servers.submit(migrate);
            Future<Object> second = servers.submit(migrate);
            start.countDown();
            List<Object> outcomes = List.of(first.get(), second.get());

            // one migrated; the other waited for its lock and found nothing to do, or stopped saying why
            int migrations = everyVersionApplied().size();
            assertThat(outcomes).filteredOn(outcome -> outcome.equals(migrations)).hasSize(1);
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isIn(migrations, 0)
                    .withFailMessage("unexpected %s", outcome));
        } finally {
            servers.shutdownNow();
        }
        assertThat(history(dataSource)).containsExactlyElementsOf(everyVersionApplied());
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aMigrationWaitsWhileAnotherProcessMigrates(FreshDatabase database) throws Exception {
        DataSource dataSource = database.create();
        ExecutorService server = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> second;
            try (MigrationLock first = MigrationLock.take(dataSource, database.vendor())) {
                second = server.submit(() -> SchemaMigrations.on(dataSource).migrate().migrationsExecuted);
                org.awaitility.Awaitility.await("the second migration queued behind the first")
                        .atMost(java.time.Duration.ofSeconds(30)).until(MigrationLock::othersWaiting);
                assertThat(second).isNotDone();
                assertThat(count(dataSource, "information_schema.tables where lower(table_name) = 'run'")).isZero();
            }
            assertThat(second.get()).isEqualTo(everyVersionApplied().size());
        } finally {
            server.shutdownNow();
        }
    }

    /** Every version this release's scripts (db/migration/scripts.txt) bring, as history() lists them once applied. */
    static List<String> everyVersionApplied() {
        try (java.io.InputStream list = SchemaMigrationsTest.class.getResourceAsStream("/db/migration/scripts.txt")) {
            return new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(line.indexOf("/V") + 2, line.indexOf("__")))
                    .distinct()
                    .sorted(java.util.Comparator.comparing(MigrationVersion::fromVersion))
                    .map(version -> version + ":true")
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String latestVersion() {
        List<String> versions = everyVersionApplied();
        return versions.get(versions.size() - 1).replace(":true", "");
    }

    /** The schema history as version:success in the order applied (H2's row for creating the schema has none). */
    static List<String> history(DataSource dataSource) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select \"version\", \"success\" from "
                        + "\"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    static long count(DataSource dataSource, String fromWhere) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + fromWhere)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each index of {@code table} as its columns in order, e.g. {@code run_id,customer_ref}. */
    private static List<String> indexedColumns(DataSource dataSource, String table) {
        Map<String, List<String>> columnsByIndex = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet result = metaData.getIndexInfo(null, null, name, false, false)) {
                while (result.next()) {
                    columnsByIndex.computeIfAbsent(result.getString("INDEX_NAME"), index -> new ArrayList<>())
                            .add(result.getShort("ORDINAL_POSITION") - 1,
                                    result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columnsByIndex.values().stream().map(columns -> String.join(",", columns)).toList();
    }
}
