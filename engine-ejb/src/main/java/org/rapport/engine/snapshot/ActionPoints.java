package org.rapport.engine.snapshot;

import java.time.YearMonth;
import java.util.List;

/**
 * The action points of the month by pillar, and last month's with their status.
 *
 * @param byPillar        STAFF, PROCESS and TECHNOLOGY always (in that order, possibly with no
 *                        triggers), then any other pillar a rule named
 * @param lastMonth       the month before the pack's month
 * @param lastMonthRun    true when last month has a published run
 * @param lastMonthActions the triggers last month's latest published run raised, most severe first,
 *                        with their owner and status now
 */
public record ActionPoints(List<Pillar> byPillar, YearMonth lastMonth, boolean lastMonthRun,
        List<TriggerLine> lastMonthActions) {

    public ActionPoints {
        byPillar = List.copyOf(byPillar);
        lastMonthActions = List.copyOf(lastMonthActions);
    }

    /** @param pillar STAFF, PROCESS, TECHNOLOGY … */
    public record Pillar(String pillar, List<TriggerLine> triggers) {

        public Pillar {
            triggers = List.copyOf(triggers);
        }
    }
}
