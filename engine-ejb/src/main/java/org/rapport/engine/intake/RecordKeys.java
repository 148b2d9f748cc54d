package org.rapport.engine.intake;

/**
 * What identifies each record of one file. A record the source gives an id (call id, response id,
 * case id, purchase id, customer id) is known by that id. One without is known by its content and
 * occurrence: the n-th row of a file with exactly these values is the n-th such record, so the same
 * rows in an overlapping file are found again, and two equal purchases on one day stay two. Such a
 * record changed at the source is a new record: only an id can say it is the same one. Not
 * thread-safe: one per file.
 */
final class RecordKeys {

    /** Keys made from content start with this, which a source's own ids are not expected to. */
    static final String CONTENT_KEY_PREFIX = "~";

    private final Occurrences occurrences = new Occurrences();

    KeyedRecord keyed(CanonicalRecord record) {
        RecordTable table = RecordTable.of(record);
        Object[] values = table.values().apply(record);
        long fingerprint = Fingerprint.of(values);
        String natural = table.naturalKey().apply(record);
        String key = natural == null || natural.isBlank()
                ? CONTENT_KEY_PREFIX + Long.toHexString(fingerprint) + "#" + occurrences.next(fingerprint)
                : natural;
        return new KeyedRecord(table, key, fingerprint, values);
    }
}
