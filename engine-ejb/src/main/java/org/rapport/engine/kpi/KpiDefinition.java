package org.rapport.engine.kpi;

/**
 * What a KPI means, as the REST API and the pack's appendix publish it.
 *
 * @param code       stable code the rules match on
 * @param name       what the board reads
 * @param unit       "score", "%", "min" or "£"
 * @param definition how it is computed, including which way is better
 */
public record KpiDefinition(String code, String name, String unit, String definition) {
}
