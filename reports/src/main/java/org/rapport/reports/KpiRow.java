package org.rapport.reports;

import java.util.Locale;

import org.rapport.engine.snapshot.KpiLine;

/**
 * One line of the headline KPI table, already in the words and figures the board reads. A JavaBean
 * (public getters) because the template's table reads its fields through JRBeanCollectionDataSource.
 */
public final class KpiRow {

    /** Printed in the target column when the rules set no target for the KPI. */
    static final String NO_TARGET = "no target";

    private static final String OVERALL = "overall";

    private final String label;
    private final String value;
    private final String target;
    private final String rag;
    private final String ragCode;
    private final String previous;
    private final String sampleSize;

    private KpiRow(String label, String value, String target, String rag, String ragCode, String previous,
            String sampleSize) {
        this.label = label;
        this.value = value;
        this.target = target;
        this.rag = rag;
        this.ragCode = ragCode;
        this.previous = previous;
        this.sampleSize = sampleSize;
    }

    static KpiRow of(KpiLine kpi, KpiFormatter formatter) {
        return new KpiRow(
                label(kpi),
                formatter.format(kpi.value(), kpi.unit()),
                kpi.target() == null ? NO_TARGET : formatter.format(kpi.target(), kpi.unit()),
                RagWord.of(kpi.rag()),
                RagWord.code(kpi.rag()),
                formatter.format(kpi.previous(), kpi.unit()),
                CountFormat.of(kpi.sampleSize()));
    }

    /**
     * The KPI name, plus its slice when the line is not the overall figure, so "Survey reach" for the
     * high value band is not mistaken for the company-wide number.
     */
    static String label(KpiLine kpi) {
        String dimension = kpi.dimension() == null ? "" : kpi.dimension().strip();
        if (dimension.isEmpty() || OVERALL.equals(dimension.toLowerCase(Locale.ROOT))) {
            return kpi.name();
        }
        return kpi.name() + " (" + dimension.replace('_', ' ').replace("=", ": ") + ")";
    }

    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }

    public String getTarget() {
        return target;
    }

    public String getRag() {
        return rag;
    }

    public String getRagCode() {
        return ragCode;
    }

    public String getPrevious() {
        return previous;
    }

    public String getSampleSize() {
        return sampleSize;
    }
}
