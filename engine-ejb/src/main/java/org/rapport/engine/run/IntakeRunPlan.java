package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which months an intake-triggered run covers, decided delivery by delivery so that the answer does
 * not depend on which files happened to arrive in the same quiet period: of each delivery's months,
 * those run before (their figures can have changed; an identical result publishes nothing) and the
 * delivery's latest month (a late file for an old month gets that month its pack). Before the
 * installation's first run ever, the latest {@value #FIRST_MONTHS} months of all deliveries (its
 * history, so the first pack has a year of trends). A delivery's older months never run are left to an
 * on-demand run. Pure.
 */
final class IntakeRunPlan {

    static final int FIRST_MONTHS = 12;

    private IntakeRunPlan() {
    }

    /** The months to run for {@code deliveries} (each delivery's months), oldest first. */
    static SortedSet<YearMonth> monthsToRun(Collection<? extends SortedSet<YearMonth>> deliveries,
            Set<YearMonth> runBefore, boolean anyRunEver) {
        SortedSet<YearMonth> toRun = new TreeSet<>();
        if (!anyRunEver) {
            deliveries.forEach(toRun::addAll);
            while (toRun.size() > FIRST_MONTHS) {
                toRun.remove(toRun.first());
            }
            return toRun;
        }
        for (SortedSet<YearMonth> delivery : deliveries) {
            if (!delivery.isEmpty()) {
                delivery.stream().filter(runBefore::contains).forEach(toRun::add);
                toRun.add(delivery.last());
            }
        }
        return toRun;
    }
}
