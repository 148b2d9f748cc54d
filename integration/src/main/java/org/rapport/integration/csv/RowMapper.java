package org.rapport.integration.csv;

import org.rapport.engine.intake.CanonicalRecord;

/** Maps one CSV row onto a canonical record, or says which field is wrong. */
@FunctionalInterface
public interface RowMapper<R extends CanonicalRecord> {

    R map(CsvRow row) throws BadFieldException;
}
