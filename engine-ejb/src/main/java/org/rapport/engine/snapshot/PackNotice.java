package org.rapport.engine.snapshot;

import java.time.LocalDate;
import java.util.List;

/**
 * What the cover must say before any figure: that the pack revises an earlier one and what changed,
 * and that it was published without complete data (after the deadline, or forced by an operator)
 * and which figures that touches. {@link #NONE} for an ordinary first pack of a month.
 *
 * @param revision   null unless the pack replaces an earlier published pack of the month
 * @param incomplete null unless the month's data was not complete when the run started
 */
public record PackNotice(Revision revision, Incomplete incomplete) {

    public static final PackNotice NONE = new PackNotice(null, null);

    /**
     * @param replacesRunId   the run whose pack this one replaces
     * @param replacedPublishedOn when that pack was published
     * @param revisedOn       when this revision was measured
     * @param changes         what changed, one short line each: figures whose value or RAG moved, triggers added or removed
     */
    public record Revision(long replacesRunId, LocalDate replacedPublishedOn, LocalDate revisedOn, List<String> changes) {

        public Revision {
            changes = List.copyOf(changes);
        }
    }

    /**
     * @param forcedBy      the operator who forced the run, or null when it was published after its deadline
     * @param missing       each missing source and what it lacked, one line each
     * @param affectedCodes the KPI codes those sources feed
     */
    public record Incomplete(String forcedBy, List<String> missing, List<String> affectedCodes) {

        public Incomplete {
            missing = List.copyOf(missing);
            affectedCodes = List.copyOf(affectedCodes);
        }
    }
}
