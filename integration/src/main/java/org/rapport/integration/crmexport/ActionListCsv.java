package org.rapport.integration.crmexport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.engine.engagement.ActionList;

/** An action list as the CRM's CSV import reads it: {@code customer_id,action}, one row per action. */
final class ActionListCsv {

    static final String[] HEADER = {"customer_id", "action"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private ActionListCsv() {
    }

    static String of(ActionList list) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (ActionList.Action action : list.actions()) {
                printer.printRecord(action.customerId(), action.action());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return csv.toString();
    }

    /** e.g. "rapport-actions-2026-10-run-42.csv": one file per run, never overwritten by another run's. */
    static String fileName(ActionList list) {
        return "rapport-actions-" + list.month() + "-run-" + list.runId() + ".csv";
    }
}
