package org.rapport.engine.ruleset;

import java.util.List;

/**
 * What a version would have told the board over the last published months, against the active set: for a grid
 * of month × KPI, each month's RAG changes and the triggers it adds and removes.
 *
 * @param version the version tried, e.g. "v7 stricter NPS (3f2a9c1b)"
 * @param against the active version it is compared with
 * @param months  newest first, one per published month (its latest published run), at most the number asked for
 */
public record DryRunMonths(String version, String against, List<Month> months) {

    public DryRunMonths {
        months = List.copyOf(months);
    }

    /** One published month graded both ways. */
    public record Month(String month, long runId, List<DryRun.RagChange> ragChanges, List<String> triggersAdded,
            List<String> triggersRemoved) {

        public Month {
            ragChanges = List.copyOf(ragChanges);
            triggersAdded = List.copyOf(triggersAdded);
            triggersRemoved = List.copyOf(triggersRemoved);
        }
    }
}
