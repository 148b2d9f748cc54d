package org.rapport.engine.intake;

import java.io.Serializable;

/**
 * A row of any source, already mapped onto Rapport's canonical model and checked field by field by
 * its format adapter. {@link #line()} is where it started in the delivered file. Serializable so that a file's rows
 * can be kept between its check and its writing ({@link RowSpool}).
 */
public sealed interface CanonicalRecord extends Serializable
        permits CustomerRecord, PurchaseRecord, ServiceCaseRecord, CallRecord, SurveyResponseRecord {

    long line();
}
