package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes a staged file's rows its batch's records in a few set-based statements a table, with the rules
 * {@link RecordUpsert} applies a chunk at a time: each record is stored once by source and key; a key the
 * store does not hold is inserted, one it holds is updated when the file's rows for it differ from what it
 * holds and otherwise left with the batch that set it, or taken over by the new batch when that batch is
 * one the new one replaces; a key given more than once in the file is one record with its last values.
 * Counted per row, as the ledger has always counted: a key's first row is new, updated or unchanged
 * against the store, each later row updated or unchanged against the row before it. (Contact rows whose
 * customer is blank or unknown were counted unmatched as the file was staged, {@link StagingSink}.)
 * <p>
 * Merges one part of the file, the rows whose keys fall in a range of buckets ({@link KeyBuckets}), in the caller's
 * transaction, and deletes the part's staged rows with it: a file is merged a part a transaction
 * ({@link StagedIntake}). Every row of a key is in one part, so
 * the rules hold within a part as they did for the whole file, and parts may be merged side by side. PostgreSQL
 * only: H2 answers these joins over a million staged rows by reading pages at random (see {@link StagedIntake}).
 * Not for customers or replays. Not thread-safe: one per part.
 */
final class StagedMerge {

    private static final Logger LOG = Logger.getLogger(StagedMerge.class.getName());

    /** A file's keys, with what the store holds for each: a temporary table, dropped when the merge commits. */
    private static final String KEYS = "merging_keys";

    /** What each grouping, join or sort of the merge may hold in memory (PostgreSQL's default is 4 MB). */
    static final String WORK_MEMORY = "64MB";

    /**
     * The staged columns the merge's statements filter, group, join or look up on: the only ones whose statistics its
     * plans use. Analysing every column with the default sample sorted 30,000 values of each per partition, the text
     * ones by the database's collation: 1.4 s of a 1,000,000-row file's 11.7 s, on one core while the other stood
     * idle; these five with {@value #STAGING_STATISTICS_TARGET} as the statistics target take 0.15–0.25 s.
     */
    private static final String PLANNED_COLUMNS = "(staging_id, ordinal, record_key, content_hash, customer_ref)";

    /** The staging's statistics target when it is analysed: a sample of 300 times this many rows a partition. */
    static final int STAGING_STATISTICS_TARGET = 10;

    /**
     * The tables partitioned by key like the staging (calls V103, survey answers V114): a part looks its keys up in
     * their partitions.
     */
    private static final Set<RecordTable> PARTITIONED = Set.of(RecordTable.CALLS, RecordTable.SURVEY_RESPONSES);

    private final long stagingId;
    private final long batchId;
    private final String source;
    private final Set<Long> replaced;
    private final KeyBuckets.Part part;
    private int inserted;
    private int updated;
    private int unchanged;

    /** Merges the staged rows whose keys fall in {@code part}'s buckets. */
    StagedMerge(long stagingId, long batchId, String source, Set<Long> replaced, KeyBuckets.Part part) {
        this.part = part;
        this.stagingId = stagingId;
        this.batchId = batchId;
        this.source = source;
        this.replaced = Set.copyOf(replaced);
    }

    int inserted() {
        return inserted;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    /** Merges the part's rows staged for {@code table}, a bucket (a partition, see {@link KeyBuckets}) at a time. */
    void merge(Connection connection, RecordTable table) throws SQLException {
        long started = System.nanoTime();
        // this transaction's grouping and joins over a file's keys in memory: with the default 4 MB, a million keys
        // were grouped and joined in batches written to disk and read back
        update(connection, "set local work_mem = '" + WORK_MEMORY + "'");
        // the keys' statistics from a sample of 3,000 rows, not 30,000 sorted column by column: the plans need their
        // count and that each key is there once
        update(connection, "set local default_statistics_target = " + STAGING_STATISTICS_TARGET);
        // the file's keys in a table of this transaction's own: analysing a table shared by the deliveries would
        // lock it against every other delivery's analysis until this transaction ends (ANALYZE conflicts with
        // itself), so two files stored side by side were merged one after the other
        update(connection, "create temporary table if not exists " + KEYS
                + " (like intake_staged_key) on commit drop");
        for (int bucket = part.first(); bucket <= part.last(); bucket++) {
            mergeBucket(connection, table, bucket);
        }
        // the part's staged rows go with its merge, in the part's transaction, so both parts delete side by side:
        // deleted whole when the file ended, a million staged rows were 0.4 s on one core while the other idled
        for (String partition : stagedPartitions(table)) {
            update(connection, "delete from " + partition + " where staging_id = ?", stagingId);
        }
        LOG.fine(() -> String.format("Buckets %d-%d of %s merged in %.2f s", part.first(), part.last(), table.table(),
                (System.nanoTime() - started) / 1e9));
    }

    /** The staging's partitions this part merges: its buckets. */
    private List<String> stagedPartitions(RecordTable table) {
        return IntStream.rangeClosed(part.first(), part.last())
                .mapToObj(bucket -> KeyBuckets.partition(StagingArea.stagedTable(table), bucket)).toList();
    }

    private void mergeBucket(Connection connection, RecordTable table, int bucket) throws SQLException {
        String staged = KeyBuckets.partition(StagingArea.stagedTable(table), bucket);
        // a key is looked up where it is stored: in the calls' or answers' partition of the same number (the same hash
        // of the same key), whose indexes are a sixteenth of the table's; the other tables are not partitioned
        String stored = PARTITIONED.contains(table) ? KeyBuckets.partition(table.table(), bucket) : table.table();
        update(connection, "truncate " + KEYS);
        // each key is looked up in the store's key index on its own (a lateral subquery with a limit, which the planner
        // can neither flatten into a join nor answer otherwise), whatever the statistics say. Planned as a join, stale
        // statistics made it a hash join over a scan of the whole calls table (3.5 min for a part of 250,000 calls
        // against a table of 4,000,000 whose statistics, taken when it held a tenth of that, promised a small table),
        // and with hash joins off, a scan of the whole survey answers table for every key (15 to 60 s for 13,000 keys).
        // a key's rows all alike (nearly every key) have their hash as the first row's: only a key whose rows
        // differ looks its first row up, instead of a join of every key with its first row
        int keys = update(connection, "insert into " + KEYS + " (staging_id, record_key, first_hash, last_ordinal,"
                + " hashes, stored_id, stored_hash, stored_batch)"
                + " select ?, l.record_key, case when l.hashes = 1 then l.low_hash else (select f.content_hash from "
                + staged + " f where f.staging_id = ? and f.ordinal = l.first_ordinal) end,"
                + " l.last_ordinal, l.hashes, t.id, t.content_hash, t.batch_id"
                + " from (select record_key, min(ordinal) as first_ordinal, max(ordinal) as last_ordinal,"
                + "   min(content_hash) as low_hash,"
                + "   case when min(content_hash) = max(content_hash) then 1 else 2 end as hashes"
                + "   from " + staged + " where staging_id = ? group by record_key) l"
                + " left join lateral (select s.id, s.content_hash, s.batch_id from " + stored + " s"
                + "   where s.record_key = l.record_key and s.source = ? limit 1) t on true",
                stagingId, stagingId, stagingId, source);
        analyze(connection, KEYS);
        countFirstRows(connection);
        int rows = count(connection, "select count(*) from " + staged + " where staging_id = ?");
        if (rows > keys) {
            countRepeatedRows(connection, staged);
        }
        String columns = table.columns().stream().map(RecordTable.Column::name).collect(Collectors.joining(", "));
        String lastRows = " from " + KEYS + " k join " + staged
                + " s on s.staging_id = k.staging_id and s.ordinal = k.last_ordinal where k.staging_id = ?";
        // written through the table, not its partition, so that its statement triggers check the batch (V100);
        // the staged rows read in the order they were staged, which is their ids' order, so the primary key and
        // the batch's index grow at their end; sorting a million rows by id instead spilled to disk
        update(connection, "insert into " + table.table() + " (id, batch_id, content_hash, record_key, source, "
                + columns + ") select s.record_id, ?, s.content_hash, s.record_key, ?, "
                + table.columns().stream().map(column -> "s." + column.name()).collect(Collectors.joining(", "))
                + " from " + staged + " s where s.staging_id = ?"
                + " and s.ordinal in (select k.last_ordinal from " + KEYS + " k where k.staging_id = ?"
                + " and k.stored_id is null)", batchId, source, stagingId, stagingId);
        update(connection, "merge into " + table.table() + " t using (select k.stored_id, s.record_key,"
                + " s.content_hash, "
                + table.columns().stream().map(column -> "s." + column.name()).collect(Collectors.joining(", "))
                + lastRows + " and k.stored_id is not null"
                + " and (k.hashes > 1 or k.stored_hash is null or k.stored_hash <> k.first_hash)) u"
                + " on (t.id = u.stored_id and t.record_key = u.record_key)"
                + " when matched then update set batch_id = ?, content_hash = u.content_hash, "
                + table.columns().stream().map(column -> column.name() + " = u." + column.name())
                        .collect(Collectors.joining(", ")), stagingId, batchId);
        if (!replaced.isEmpty()) {
            // what a replaced batch holds and this file repeats unchanged becomes this batch's
            Object[] parameters = new Object[2 + replaced.size()];
            parameters[0] = batchId;
            parameters[1] = stagingId;
            int next = 2;
            for (Long batch : replaced) {
                parameters[next++] = batch;
            }
            update(connection, "update " + table.table() + " set batch_id = ? where (id, record_key) in"
                    + " (select stored_id, record_key from " + KEYS + " where staging_id = ? and stored_id is not null"
                    + " and hashes = 1 and stored_hash = first_hash and stored_batch in ("
                    + String.join(", ", Collections.nCopies(replaced.size(), "?")) + "))", parameters);
        }
    }

    /** Makes the rows quarantined in staging {@code stagingId} those of batch {@code batchId}. */
    static void quarantine(Connection connection, long stagingId, long batchId) throws SQLException {
        update(connection, "insert into quarantined_record (id, batch_id, line, field, reason, raw_text)"
                + " select record_id, ?, line, field, reason, raw_text from staged_quarantine where staging_id = ?",
                batchId, stagingId);
    }

    private void countFirstRows(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select"
                + " coalesce(sum(case when stored_id is null then 1 else 0 end), 0),"
                + " coalesce(sum(case when stored_id is not null and (stored_hash is null or stored_hash <> first_hash)"
                + "   then 1 else 0 end), 0),"
                + " coalesce(sum(case when stored_hash = first_hash then 1 else 0 end), 0)"
                + " from " + KEYS + " where staging_id = ?")) {
            statement.setLong(1, stagingId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                inserted += rows.getInt(1);
                updated += rows.getInt(2);
                unchanged += rows.getInt(3);
            }
        }
    }

    /** A key's later rows in the file: updated when they differ from the row before, unchanged when not. */
    private void countRepeatedRows(Connection connection, String staged) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select"
                + " coalesce(sum(case when previous <> content_hash then 1 else 0 end), 0),"
                + " coalesce(sum(case when previous = content_hash then 1 else 0 end), 0)"
                + " from (select content_hash, lag(content_hash) over (partition by record_key order by ordinal)"
                + "   as previous from " + staged + " where staging_id = ?) rows_in_order")) {
            statement.setLong(1, stagingId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                updated += rows.getInt(1);
                unchanged += rows.getInt(2);
            }
        }
    }

    /**
     * Brings the planner's picture of the staging up to date with the rows just staged (autovacuum has not caught
     * up: without it, a million rows are joined one index lookup at a time). In a transaction of its own before the
     * merge's, so that the lock it takes is not held while the merge runs.
     */
    static void analyzeStaging(Connection connection, RecordTable table) throws SQLException {
        // its partitions, which the merge reads, not the partitioned table as a whole: analysed whole, PostgreSQL
        // samples the rows twice over, once for the whole and once for each partition (measured: 22 s, not 2 s, for a
        // staging of 8,000,000 rows)
        String staged = StagingArea.stagedTable(table);
        // a small sample is enough: the columns are keys and ordinals, nearly all distinct, and the plans need the row
        // counts and that much
        update(connection, "set local default_statistics_target = " + STAGING_STATISTICS_TARGET);
        analyze(connection, IntStream.range(0, KeyBuckets.COUNT).mapToObj(bucket -> KeyBuckets.partition(staged, bucket)
                + " " + PLANNED_COLUMNS).collect(Collectors.joining(", ")));
    }

    private static void analyze(Connection connection, String table) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("analyze " + table);
        }
    }

    /** Counts the rows {@code sql} selects: its parameter is the staging. */
    private int count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, stagingId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                Object parameter = parameters[index];
                if (parameter instanceof Long number) {
                    statement.setLong(index + 1, number);
                } else {
                    statement.setString(index + 1, (String) parameter);
                }
            }
            int rows = statement.executeUpdate();
            LOG.fine(() -> String.format("%,d rows in %.2f s: %s", rows, (System.nanoTime() - started) / 1e9,
                    sql.substring(0, Math.min(sql.length(), 60))));
            return rows;
        }
    }
}
