package org.rapport.engine.readiness;

import java.util.List;

/**
 * Whether a month may be published: every required source complete, and no delivery half stored.
 *
 * @param month      e.g. "2026-11"
 * @param ready      true when nothing is missing and no delivery is being stored
 * @param sources    every source the month was checked against
 * @param missing    the sources it waits for, with what each lacks
 * @param beingStored deliveries the intake is storing now ("file-drop/calls calls.csv"): a run would read them half stored
 */
public record MonthReadiness(String month, boolean ready, List<SourceState> sources, List<MissingSource> missing,
        List<String> beingStored) {

    public MonthReadiness {
        sources = List.copyOf(sources);
        missing = List.copyOf(missing);
        beingStored = List.copyOf(beingStored);
    }

    /** What the month waits for, one line per missing source (and one for deliveries being stored). */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>(missing.stream().map(MissingSource::describe).toList());
        if (!beingStored.isEmpty()) {
            lines.add("being stored now: " + String.join(", ", beingStored));
        }
        return lines;
    }

    /** {@link #lines()} as one text, a line each, for a run's record. */
    public String describe() {
        return String.join("\n", lines());
    }
}
