package org.rapport.engine.snapshot;

import java.util.List;

/**
 * What we do well and badly: the largest improvements and declines against last month, largest first.
 *
 * @param improvements KPIs that got better
 * @param declines     KPIs that got worse
 * @param comparable   how many headline-level KPIs had both this month's and last month's value and a
 *                     known direction; 0 means there was nothing to compare (e.g. no published last month)
 */
public record Movements(List<KpiMovement> improvements, List<KpiMovement> declines, int comparable) {

    public Movements {
        improvements = List.copyOf(improvements);
        declines = List.copyOf(declines);
    }

    public static Movements none() {
        return new Movements(List.of(), List.of(), 0);
    }
}
