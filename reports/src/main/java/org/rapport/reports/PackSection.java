package org.rapport.reports;

import java.util.List;

/**
 * The sections of the board pack, in the order the pack prints them. Each is one JRXML file (named
 * {@link #template()}) filled as a subreport of board-pack.jrxml, with the parameters and data source
 * {@link PackSections} makes for it.
 */
enum PackSection {
    COVER("cover"),
    EXECUTIVE_SUMMARY("executive-summary"),
    WELL_AND_BADLY("well-and-badly"),
    ENGAGEMENT_STAGES("engagement-stages"),
    VOICE_OF_THE_CUSTOMER("voice-of-the-customer"),
    RETENTION("retention"),
    MOMENTS_OF_TRUTH("moments-of-truth"),
    ACTION_POINTS("action-points"),
    KPI_BREAKDOWNS("kpi-breakdowns"),
    APPENDIX("appendix");

    private final String key;

    PackSection(String key) {
        this.key = key;
    }

    /** The name the master template looks the section up by, e.g. "well-and-badly". */
    String key() {
        return key;
    }

    /** File name of its template, e.g. "well-and-badly.jrxml". */
    String template() {
        return key + ".jrxml";
    }

    static List<PackSection> inOrder() {
        return List.of(values());
    }
}
