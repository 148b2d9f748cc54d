package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Stores records each once by their key, a chunk at a time and set-based: one query finds which keys
 * of the chunk are stored already (through the unique index on source and key), then the new records
 * go in as one {@code COPY} on PostgreSQL and multi-row inserts on H2 ({@link StagedRows}) and the changed ones as
 * batched updates; an unchanged record is not
 * written at all and stays with the batch that last set it. The values of a later delivery win, except
 * in a replay: the kept file read again is not newer than what other deliveries set since, so it only
 * takes back what its own batch held. Counts what it did for the ledger. Works on the caller's
 * connection and transaction. Not thread-safe: one per batch.
 */
final class RecordUpsert {

    /** The most keys one chunk looks up: a chunk's records of one table, or the customers they name. */
    static final int KEYS_AT_ONCE = BatchWriter.FLUSH_EVERY;

    /**
     * Timestamps are bound as Hibernate binds a LocalDateTime with {@code hibernate.jdbc.time_zone=UTC}
     * (persistence.xml), so that what this writes reads back through the entities unchanged.
     */
    private static final TimeZone JDBC_TIME_ZONE = TimeZone.getTimeZone("UTC");

    private final String source;
    private final long batchId;
    private final Set<Long> replaced;
    private final boolean replay;
    private final Map<RecordTable, List<StagedRows.Column>> insertColumns = new HashMap<>();
    private final SqlDialect dialect;
    private int inserted;
    private int updated;
    private int unchanged;

    /**
     * @param replaced the batches this one takes the place of: what they still hold and this one delivers
     *                 again is taken over by it, even unchanged, so that what remains of them afterwards is
     *                 exactly what this delivery no longer carries
     * @param replay   whether this reads a kept file again rather than a new delivery
     * @param dialect  the database the caller's connection is to
     */
    RecordUpsert(String source, long batchId, Set<Long> replaced, boolean replay, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
        this.batchId = batchId;
        this.replaced = Set.copyOf(replaced);
        this.replay = replay;
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

    /** Stores one chunk of records of one table; a key given twice in it is stored once, the later values winning. */
    void write(Connection connection, RecordTable table, List<KeyedRecord> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Stored> stored = stored(connection, table, chunk);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (KeyedRecord record : chunk) {
            Target target = targets.get(record.key());
            if (target == null) {
                targets.put(record.key(), firstInChunk(record, stored.get(record.key())));
            } else {
                target.deliveredAgain(record);
            }
        }
        List<KeyedRecord> inserts = new ArrayList<>();
        List<Target> updates = new ArrayList<>();
        List<Target> takenOver = new ArrayList<>();
        for (Target target : targets.values()) {
            switch (target.action) {
                case INSERT -> inserts.add(target.record);
                case UPDATE -> updates.add(target);
                case TAKE_OVER -> takenOver.add(target);
                case KEEP -> {
                    // stays as it is, with the batch that set it
                }
                default -> throw new IllegalStateException(target.action.name());
            }
        }
        insert(connection, table, inserts);
        if (dialect == SqlDialect.POSTGRESQL && !(updates.isEmpty() && takenOver.isEmpty())) {
            planOnceForAnyRecord(connection);
        }
        update(connection, table, updates);
        takeOver(connection, table, takenOver);
    }

    private Target firstInChunk(KeyedRecord record, Stored stored) {
        if (stored == null) {
            inserted++;
            return new Target(Action.INSERT, null, record);
        }
        // a customer made before the ledger kept who set it (null) belongs to no batch
        boolean ownedByReplaced = stored.batchId != null && replaced.contains(stored.batchId);
        boolean ownedByThis = stored.batchId != null && stored.batchId == batchId;
        if (replay && !ownedByReplaced && !ownedByThis) {
            // set by a delivery after the one replayed: that one is newer
            unchanged++;
            Target kept = new Target(Action.KEEP, stored.id, record);
            kept.newer = true;
            return kept;
        }
        if (stored.fingerprint != null && stored.fingerprint == record.fingerprint()) {
            unchanged++;
            return new Target(ownedByReplaced ? Action.TAKE_OVER : Action.KEEP, stored.id, record);
        }
        updated++;
        return new Target(Action.UPDATE, stored.id, record);
    }

    /** Which keys of the chunk are stored, with their fingerprint and the batch that last set them. */
    private Map<String, Stored> stored(Connection connection, RecordTable table, List<KeyedRecord> chunk)
            throws SQLException {
        Object[] keys = chunk.stream().map(KeyedRecord::key).distinct().toArray();
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(storedSql(table))) {
            int next = bindKeys(connection, statement, keys);
            if (table.scopedBySource()) {
                statement.setString(next, source);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String key = rows.getString(2);
                    long fingerprint = rows.getLong(3);
                    Long knownFingerprint = rows.wasNull() ? null : fingerprint;
                    long batch = rows.getLong(4);
                    stored.put(key, new Stored(id, rows.wasNull() ? null : batch, knownFingerprint));
                }
            }
        }
        return stored;
    }

    private void insert(Connection connection, RecordTable table, List<KeyedRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        long[] ids = ids(connection, table, records.size());
        List<StagedRows.Column> columns = insertColumns.computeIfAbsent(table, RecordUpsert::insertColumns);
        int fixed = table.scopedBySource() ? 5 : 4;
        List<Object[]> rows = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            KeyedRecord record = records.get(index);
            Object[] values = record.values();
            Object[] row = new Object[columns.size()];
            row[0] = ids[index];
            row[1] = batchId;
            row[2] = record.fingerprint();
            row[3] = record.key();
            if (table.scopedBySource()) {
                row[4] = source;
            }
            System.arraycopy(values, 0, row, fixed, values.length);
            if (table.versioned()) {
                row[row.length - 1] = 0;
            }
            rows.add(row);
        }
        StagedRows.insert(connection, dialect, table.table(), columns, rows);
    }

    /** The columns a new record of {@code table} is inserted with, in the order {@link #insert} fills them. */
    private static List<StagedRows.Column> insertColumns(RecordTable table) {
        List<StagedRows.Column> columns = new ArrayList<>(List.of(new StagedRows.Column("id", Types.BIGINT),
                new StagedRows.Column("batch_id", Types.BIGINT), new StagedRows.Column("content_hash", Types.BIGINT),
                new StagedRows.Column(table.keyColumn(), Types.VARCHAR)));
        if (table.scopedBySource()) {
            columns.add(new StagedRows.Column("source", Types.VARCHAR));
        }
        table.columns().forEach(column -> columns.add(new StagedRows.Column(column.name(), column.sqlType())));
        if (table.versioned()) {
            columns.add(new StagedRows.Column("version", Types.INTEGER));
        }
        return List.copyOf(columns);
    }

    private void update(Connection connection, RecordTable table, List<Target> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        String assignments = table.columns().stream().map(column -> column.name() + " = ?")
                .collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement("update " + table.table()
                + " set batch_id = ?, content_hash = ?, " + assignments
                + (table.versioned() ? ", version = version + 1" : "") + " where " + storedRecord(table))) {
            for (Target target : targets) {
                statement.setLong(1, batchId);
                statement.setLong(2, target.record.fingerprint());
                int index = bindValues(statement, 3, table, target.record);
                bindStoredRecord(statement, index, target);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The chunk's updates planned once for any record, in this transaction: an update of the calls, which are
     * partitioned by key (V103), planned for the record at hand (PostgreSQL's choice, as a plan for any record
     * reaches all sixteen partitions) was planned anew for every record — the planner's partition pruning took most of
     * a replay's time (the 100,000-customer month's 800,000 calls: 56 s, one backend planning, the other core idle;
     * 36 s planned once). Planned for any record, the records taken over are looked up one by one: PostgreSQL guesses
     * a list of ids given as a parameter holds a hundred, so it looks each up by its id and key in its one partition
     * rather than read every call stored.
     */
    private static void planOnceForAnyRecord(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local plan_cache_mode = force_generic_plan");
        }
    }

    /**
     * Gives the records of replaced batches that this file repeats unchanged to this batch: on PostgreSQL in one
     * statement a chunk (a replay of 800,000 calls, each taken over: 36 s a record a statement, 18 s a chunk at once).
     */
    private void takeOver(Connection connection, RecordTable table, List<Target> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            try (PreparedStatement statement = connection.prepareStatement("update " + table.table()
                    + " t set batch_id = ? from unnest(?, ?) as taken(id, stored_key)"
                    + " where t.id = taken.id and t." + table.keyColumn() + " = taken.stored_key")) {
                statement.setLong(1, batchId);
                statement.setArray(2, connection.createArrayOf("BIGINT",
                        targets.stream().map(target -> target.id).toArray()));
                statement.setArray(3, connection.createArrayOf("VARCHAR",
                        targets.stream().map(target -> target.record.key()).toArray()));
                statement.executeUpdate();
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "update " + table.table() + " set batch_id = ? where " + storedRecord(table))) {
            for (Target target : targets) {
                statement.setLong(1, batchId);
                bindStoredRecord(statement, 2, target);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * A stored record by its id and its key: the calls are partitioned by key (V103), and a row found by id alone is
     * looked for in all sixteen partitions, each opened and locked for every row (a replay of the 100,000-customer
     * month's 800,000 calls, every one taken over: 66 s, one backend busy opening partitions, the other core idle).
     */
    private static String storedRecord(RecordTable table) {
        return "id = ? and " + table.keyColumn() + " = ?";
    }

    private static void bindStoredRecord(PreparedStatement statement, int first, Target target) throws SQLException {
        statement.setLong(first, target.id);
        statement.setString(first + 1, target.record.key());
    }

    /** {@code count} ids from the table's sequence, in blocks as Hibernate's pooled optimiser takes them. */
    private long[] ids(Connection connection, RecordTable table, int count) throws SQLException {
        return SequenceIds.next(connection, dialect, table.sequence(), count);
    }

    static int bindValues(PreparedStatement statement, int first, RecordTable table, KeyedRecord record)
            throws SQLException {
        int index = first;
        Object[] values = record.values();
        for (int column = 0; column < values.length; column++) {
            bind(statement, index++, values[column], table.columns().get(column).sqlType());
        }
        return index;
    }

    static void bind(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else if (value instanceof Enum<?> choice) {
            statement.setString(index, choice.name());
        } else if (value instanceof LocalDateTime time) {
            statement.setTimestamp(index, Timestamp.valueOf(time), Calendar.getInstance(JDBC_TIME_ZONE));
        } else if (value instanceof LocalDate day) {
            statement.setDate(index, Date.valueOf(day));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Which of a chunk's keys are stored. PostgreSQL looks each key up on its own ({@code lateral}, one row at most):
     * the calls are partitioned by key, and a key looked up alone is looked for in its one partition, where a list
     * of keys is looked for in all sixteen — or, past a few thousand, in a scan of the whole table (10,000 keys among
     * a million calls: 25–45 ms alone, 600–700 ms as a list).
     */
    private String storedSql(RecordTable table) {
        String source = table.scopedBySource() ? " and source = ?" : "";
        if (dialect == SqlDialect.POSTGRESQL) {
            return "select stored.id, stored." + table.keyColumn() + ", stored.content_hash, stored.batch_id"
                    + " from unnest(?) wanted(record_key) cross join lateral (select id, " + table.keyColumn()
                    + ", content_hash, batch_id from " + table.table() + " where " + table.keyColumn()
                    + " = wanted.record_key" + source + " limit 1) stored";
        }
        return "select id, " + table.keyColumn() + ", content_hash, batch_id from " + table.table() + " where "
                + table.keyColumn() + " " + anyOf() + source;
    }

    /**
     * A key among a chunk's keys, as each database finds them through an index: PostgreSQL takes an array
     * bound as one parameter; H2 filters row by row with an array, so it gets a list of {@value #KEYS_AT_ONCE}
     * parameters (the last key repeated to fill it), one statement text whatever the chunk's size.
     */
    private String anyOf() {
        return anyOf(dialect);
    }

    /** {@link #anyOf()} on {@code dialect}'s database: for a caller that looks keys up without an upsert. */
    static String anyOf(SqlDialect dialect) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return "= any(?)";
        }
        return "in (" + String.join(", ", java.util.Collections.nCopies(KEYS_AT_ONCE, "?")) + ")";
    }

    /** Binds the keys from the first parameter on; returns the next parameter's index. */
    private int bindKeys(Connection connection, PreparedStatement statement, Object[] keys) throws SQLException {
        return bindKeys(dialect, connection, statement, keys);
    }

    /** {@link #bindKeys(Connection, PreparedStatement, Object[])} on {@code dialect}'s database. */
    static int bindKeys(SqlDialect dialect, Connection connection, PreparedStatement statement, Object[] keys)
            throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            statement.setArray(1, connection.createArrayOf("VARCHAR", keys));
            return 2;
        }
        if (keys.length > KEYS_AT_ONCE) {
            throw new IllegalArgumentException(keys.length + " keys in one chunk, at most " + KEYS_AT_ONCE);
        }
        for (int index = 0; index < KEYS_AT_ONCE; index++) {
            statement.setString(index + 1, (String) keys[Math.min(index, keys.length - 1)]);
        }
        return KEYS_AT_ONCE + 1;
    }

    private enum Action { INSERT, UPDATE, TAKE_OVER, KEEP }

    private record Stored(long id, Long batchId, Long fingerprint) {
    }

    /** What becomes of one key of a chunk. */
    private final class Target {

        private Action action;
        private final Long id;
        private KeyedRecord record;
        /** Kept because a later delivery set it, which a replay does not undo. */
        private boolean newer;

        Target(Action action, Long id, KeyedRecord record) {
            this.action = action;
            this.id = id;
            this.record = record;
        }

        /** The key came again in the same chunk: its later values win, unless a replay keeps a newer record. */
        void deliveredAgain(KeyedRecord again) {
            if (newer || again.fingerprint() == record.fingerprint()) {
                unchanged++;
                return;
            }
            updated++;
            record = again;
            if (action != Action.INSERT) {
                action = Action.UPDATE;
            }
        }
    }
}
