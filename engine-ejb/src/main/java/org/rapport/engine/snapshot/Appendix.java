package org.rapport.engine.snapshot;

import java.util.List;

import org.rapport.engine.kpi.KpiDefinition;

/**
 * Where the numbers come from: data coverage, quarantine, definitions and the rule set's full checksum
 * (the source files with their checksums are {@link RunSnapshot#sourceBatches()}).
 *
 * @param coverage        one line per source kind, kinds that delivered nothing included
 * @param quarantine      quarantined records of the run's files by source kind and field at fault
 * @param definitions     what each KPI means: the catalogue, then codes the run stored that it lacks
 * @param ruleSetChecksum SHA-256 of the rule-set version's files; null when unknown
 */
public record Appendix(List<Coverage> coverage, List<Quarantine> quarantine, List<KpiDefinition> definitions,
        String ruleSetChecksum) {

    public Appendix {
        coverage = List.copyOf(coverage);
        quarantine = List.copyOf(quarantine);
        definitions = List.copyOf(definitions);
    }

    /**
     * @param kind            CUSTOMERS, PURCHASES, SERVICE_CASES, CALLS or SURVEY_RESPONSES
     * @param files           files of that kind the run used; 0 means none arrived
     * @param rowsAccepted    rows taken
     * @param rowsQuarantined rows kept aside
     */
    public record Coverage(String kind, int files, long rowsAccepted, long rowsQuarantined) {
    }

    /**
     * @param kind    source kind of the file
     * @param field   the field at fault, "(record)" for a whole row
     * @param records how many
     */
    public record Quarantine(String kind, String field, long records) {
    }
}
