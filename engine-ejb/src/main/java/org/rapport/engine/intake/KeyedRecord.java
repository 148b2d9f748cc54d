package org.rapport.engine.intake;

/**
 * A delivered record with what identifies it in its table and what it says.
 *
 * @param table       where it is stored
 * @param key         the source's id for it, or for a record without one its content and occurrence
 * @param fingerprint of its values, to tell a re-delivery unchanged from changed
 * @param values      its values in the order of the table's columns
 */
record KeyedRecord(RecordTable table, String key, long fingerprint, Object[] values) {

    /** The customer a contact record names (its table's first column), null when it names none. */
    String customerRef() {
        if (table == RecordTable.CUSTOMERS) {
            throw new IllegalStateException("A customer names no customer: it is one");
        }
        return (String) values[0];
    }
}
