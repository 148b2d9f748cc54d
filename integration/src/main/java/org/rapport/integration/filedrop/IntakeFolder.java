package org.rapport.integration.filedrop;

import java.util.List;

import org.rapport.integration.IntakeFormat;
import org.rapport.integration.canonical.CallCsvFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.canonical.PurchaseCsvFormat;
import org.rapport.integration.canonical.ServiceCaseCsvFormat;
import org.rapport.integration.canonical.SurveyResponseCsvFormat;

/**
 * A folder under the intake directory where a source drops its files, and the format they are in.
 * Taken files move to its {@value #DONE} sub-folder, refused ones to {@value #FAILED}.
 */
public record IntakeFolder(String name, IntakeFormat format) {

    /** Where a file goes once stored (accepted, or recognised as a duplicate). */
    public static final String DONE = ".done";
    /** Where a file goes when it was rejected or could not be stored, with a {@code <name>.reason.txt}. */
    public static final String FAILED = ".failed";

    /** The stable id of the route that takes files from this folder. */
    public String routeId() {
        return "intake-" + name;
    }

    /**
     * Where a stored file of this folder is kept, as the ledger records it: its path under the intake
     * folder, e.g. {@code calls/.done/calls-2026-10.csv}. A replay reads it from there.
     */
    public String keptAs(String fileName) {
        return name + "/" + DONE + "/" + fileName;
    }

    /** The folders for Rapport's canonical CSV formats: customers, purchases, service-cases, calls, survey-responses. */
    public static List<IntakeFolder> canonical() {
        return List.of(
                new IntakeFolder("customers", new CustomerCsvFormat(sourceName("customers"))),
                new IntakeFolder("purchases", new PurchaseCsvFormat(sourceName("purchases"))),
                new IntakeFolder("service-cases", new ServiceCaseCsvFormat(sourceName("service-cases"))),
                new IntakeFolder("calls", new CallCsvFormat(sourceName("calls"))),
                new IntakeFolder("survey-responses", new SurveyResponseCsvFormat(sourceName("survey-responses"))));
    }

    /** The source's name in the intake ledger, e.g. {@code file-drop/calls}. */
    static String sourceName(String folderName) {
        return "file-drop/" + folderName;
    }
}
