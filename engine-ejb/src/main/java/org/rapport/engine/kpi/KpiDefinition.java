package org.rapport.engine.kpi;

import java.util.List;

/**
 * What a KPI means, as the REST API and the pack's appendix publish it.
 *
 * @param code          stable code the rules match on
 * @param name          what the board reads
 * @param unit          "score", "%", "min" or "£"
 * @param definition    how it is computed, including which way is better
 * @param breakdowns    the dimensions it is also measured by besides overall, as they prefix its slices:
 *                      "segment", "value_band", "channel", "engagement"; empty when it has none
 * @param breakdownNote what a breakdown means for this KPI and why the others do not apply; never empty
 */
public record KpiDefinition(String code, String name, String unit, String definition, List<String> breakdowns,
        String breakdownNote) {

    public KpiDefinition {
        // An archived snapshot from before breakdowns were published reads back with neither.
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        breakdownNote = breakdownNote == null ? "" : breakdownNote;
    }

    /** Whether the KPI is measured by {@code breakdown}. */
    public boolean isBrokenDownBy(Breakdown breakdown) {
        return breakdowns.contains(breakdown.dimensionName());
    }
}
