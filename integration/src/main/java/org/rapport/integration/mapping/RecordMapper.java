package org.rapport.integration.mapping;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.FieldRow;

/** Maps one row's canonical fields onto a record of its kind, or says which field is wrong. */
@FunctionalInterface
public interface RecordMapper {

    CanonicalRecord map(FieldRow row) throws BadFieldException;
}
