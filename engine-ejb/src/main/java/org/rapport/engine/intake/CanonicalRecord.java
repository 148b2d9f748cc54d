package org.rapport.engine.intake;

/**
 * A row of any source, already mapped onto Rapport's canonical model and checked field by field by
 * its format adapter. {@link #line()} is where it started in the delivered file.
 */
public sealed interface CanonicalRecord
        permits CustomerRecord, PurchaseRecord, ServiceCaseRecord, CallRecord, SurveyResponseRecord {

    long line();
}
