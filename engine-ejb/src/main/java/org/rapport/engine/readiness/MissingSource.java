package org.rapport.engine.readiness;

/**
 * A source a month still waits for.
 *
 * @param source the source's name in the ledger, e.g. "file-drop/calls"; "(any source)" when nothing was ever delivered
 * @param kind   what it delivers, null for "(any source)"
 * @param rule   its completeness rule, as configuration writes it
 * @param lacks  what it lacks, in words, e.g. "records only through 2026-10-31; needs records through 2026-11-30"
 */
public record MissingSource(String source, String kind, String rule, String lacks) {

    /** "file-drop/calls: records only through …" — for a run's waiting reason and the pack's notice. */
    public String describe() {
        return source + ": " + lacks;
    }
}
