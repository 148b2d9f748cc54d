package org.rapport.reports;

import java.util.List;

import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.snapshot.TriggerLine;

/**
 * The sentences of the action points section that sum up its tables: how many of this month's action
 * points are new, and what became of last month's — set beside the team's status, so that an action marked
 * done whose trigger still fires stands out.
 */
final class ActionFollowUpWording {

    private ActionFollowUpWording() {
    }

    /** "3 action points this month: 2 new, 1 raised again." or null when there are none. */
    static String thisMonth(List<TriggerLine> triggers) {
        if (triggers.isEmpty()) {
            return null;
        }
        long again = triggers.stream().filter(trigger -> Boolean.TRUE.equals(trigger.recurring())).count();
        long fresh = triggers.stream().filter(trigger -> Boolean.FALSE.equals(trigger.recurring())).count();
        String total = PackWording.count(triggers.size(), "action point", "action points") + " this month";
        if (again + fresh < triggers.size()) {
            return total + ".";
        }
        return total + ": " + CountFormat.of(fresh) + " new, " + CountFormat.of(again) + " raised again.";
    }

    /**
     * "Of September 2026's 3 action points, 2 no longer fire in October 2026 and 1 still fires. 1 marked done
     * still fires: the fix has not shown in the figures yet." or null when there were none.
     */
    static String lastMonth(List<TriggerLine> actions, String lastMonth, String month) {
        if (actions.isEmpty()) {
            return null;
        }
        String of = "Of " + lastMonth + "'s " + PackWording.count(actions.size(), "action point", "action points");
        if (actions.stream().allMatch(action -> action.followUp() == null)) {
            return of + ", none was checked against " + month + "'s data.";
        }
        long still = actions.stream().filter(TriggerLine::stillFiring).count();
        long stopped = actions.stream().filter(action -> TriggerLine.NO_LONGER_FIRING.equals(action.followUp())).count();
        long doneButFiring = actions.stream()
                .filter(action -> action.stillFiring() && ActionStatus.DONE.name().equals(action.status())).count();
        String sentence = of + ", " + CountFormat.of(stopped) + (stopped == 1 ? " no longer fires" : " no longer fire")
                + " in " + month + " and " + CountFormat.of(still) + (still == 1 ? " still fires." : " still fire.");
        if (doneButFiring > 0) {
            sentence += " " + CountFormat.of(doneButFiring) + " marked done "
                    + (doneButFiring == 1 ? "still fires" : "still fire") + ": the fix has not shown in the figures yet.";
        }
        return sentence;
    }
}
