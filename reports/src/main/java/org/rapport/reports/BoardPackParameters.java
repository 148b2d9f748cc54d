package org.rapport.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.rapport.engine.snapshot.RunSnapshot;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The parameters board-pack.jrxml declares: the company, month and run, and for each section
 * (keyed by {@link PackSection#key()}) its compiled template, its parameters and its data source. The
 * section contents come from {@link PackSections}.
 */
final class BoardPackParameters {

    static final String COMPANY_NAME = "COMPANY_NAME";
    static final String MONTH_LABEL = "MONTH_LABEL";
    static final String RUN_ID = "RUN_ID";
    static final String SECTION_REPORTS = "SECTION_REPORTS";
    static final String SECTION_PARAMETERS = "SECTION_PARAMETERS";
    static final String SECTION_DATA = "SECTION_DATA";

    private BoardPackParameters() {
    }

    /** "October 2026": the month as the board says it, for the cover, the footer and the PDF title. */
    static String monthLabel(YearMonth month) {
        return PackWording.month(month);
    }

    static Map<String, Object> of(RunSnapshot snapshot, Instant generatedAt, ZoneId zone,
            Map<PackSection, JasperReport> sectionReports) {
        Map<String, JasperReport> reports = new HashMap<>();
        Map<String, Map<String, Object>> parameters = new HashMap<>();
        Map<String, JRDataSource> data = new HashMap<>();
        PackSections.of(snapshot, generatedAt, zone).forEach((section, content) -> {
            reports.put(section.key(), sectionReports.get(section));
            parameters.put(section.key(), content.parameters());
            data.put(section.key(), content.data());
        });
        Map<String, Object> master = new HashMap<>();
        master.put(COMPANY_NAME, snapshot.companyName());
        master.put(MONTH_LABEL, monthLabel(snapshot.month()));
        master.put(RUN_ID, snapshot.runId());
        master.put(SECTION_REPORTS, reports);
        master.put(SECTION_PARAMETERS, parameters);
        master.put(SECTION_DATA, data);
        return master;
    }
}
