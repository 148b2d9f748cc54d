package org.rapport.engine.readiness;

/**
 * Where one source stands for a month.
 *
 * @param source   the source's name in the ledger
 * @param kind     what it delivers
 * @param rule     its completeness rule, as configuration writes it
 * @param mark     the month's explicit mark for it (CLOSED, NOT_NEEDED), or null
 * @param complete whether the month needs nothing more from it
 * @param lacks    what it lacks, or null when complete
 */
public record SourceState(String source, String kind, String rule, String mark, boolean complete, String lacks) {
}
