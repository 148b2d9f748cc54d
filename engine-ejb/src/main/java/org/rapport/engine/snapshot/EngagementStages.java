package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * Engagement stages this month and how customers moved since last month's published run. Only
 * customers who consented to analytics are scored, so the counts cover them alone.
 *
 * @param kpis          the engagement KPIs the run stored (engagement index, engaged share, moved up/down)
 * @param stages        one line per stage, from unengaged to advocate (stages the rules add come after);
 *                      empty when the run stored no scores
 * @param scored        customers scored this month
 * @param averageIndex  mean engagement index of the scored customers, null when none
 * @param compared      true when last month's published run stored scores to compare with
 * @param movedUp       customers scored in both months whose stage is higher now
 * @param movedDown     … lower now
 * @param unchanged     … the same
 * @param newlyScored   scored this month but not last month
 */
public record EngagementStages(List<KpiLine> kpis, List<Stage> stages, long scored, BigDecimal averageIndex, boolean compared,
        long movedUp, long movedDown, long unchanged, long newlyScored) {

    public EngagementStages {
        kpis = List.copyOf(kpis);
        stages = List.copyOf(stages);
    }

    /** A month without customer scores. */
    public static EngagementStages of(List<KpiLine> kpis) {
        return new EngagementStages(kpis, List.of(), 0, null, false, 0, 0, 0, 0);
    }

    public boolean hasScores() {
        return scored > 0;
    }

    /**
     * @param stage     e.g. "regular", as the rules name it
     * @param customers this month
     * @param lastMonth last month, null when last month has no scores to compare with
     */
    public record Stage(String stage, long customers, Long lastMonth) {
    }
}
