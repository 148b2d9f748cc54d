package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which of the months new data touches an intake-triggered run covers: those run before (their
 * figures can have changed; an identical result publishes nothing) and the latest one; before the
 * installation's first run ever, the latest {@value #FIRST_MONTHS} (its history, so the first pack
 * has a year of trends). Older months never run are left to an on-demand run. Pure.
 */
final class IntakeRunPlan {

    static final int FIRST_MONTHS = 12;

    private IntakeRunPlan() {
    }

    /** The months to run, oldest first. */
    static SortedSet<YearMonth> monthsToRun(SortedSet<YearMonth> touched, Set<YearMonth> runBefore, boolean anyRunEver) {
        SortedSet<YearMonth> toRun = new TreeSet<>();
        if (touched.isEmpty()) {
            return toRun;
        }
        if (!anyRunEver) {
            toRun.addAll(touched);
            while (toRun.size() > FIRST_MONTHS) {
                toRun.remove(toRun.first());
            }
            return toRun;
        }
        touched.stream().filter(runBefore::contains).forEach(toRun::add);
        toRun.add(touched.last());
        return toRun;
    }
}
