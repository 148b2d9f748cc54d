package org.rapport.engine.snapshot;

/**
 * One improvement trigger as the pack shows it, with the CCO's team's follow-up as it stood when the
 * snapshot was read: a pack re-issued from its archived snapshot shows the statuses it was published with.
 *
 * @param code      the rule's trigger code
 * @param title     what the board reads
 * @param pillar    STAFF, PROCESS or TECHNOLOGY (the engagement triangle)
 * @param severity  HIGH, MEDIUM or LOW
 * @param evidence  the figures that raised it, as the rule wrote them
 * @param owner     who acts on it; null until someone takes it
 * @param status    the team's status: OPEN, IN_PROGRESS, DONE or DROPPED
 * @param id        the stored trigger's id (what the API changes the status by); null when not stored
 * @param recurring for this month's triggers: true when last month's action point with the same code was
 *                  still firing, false when it is new; null when last month was not followed up
 * @param followUp  for last month's actions: STILL_FIRING or NO_LONGER_FIRING, what this month's run found;
 *                  null when it did not look (a snapshot from before follow-ups, a run not yet evaluated)
 */
public record TriggerLine(String code, String title, String pillar, String severity, String evidence, String owner,
        String status, Long id, Boolean recurring, String followUp) {

    public static final String STILL_FIRING = "STILL_FIRING";
    public static final String NO_LONGER_FIRING = "NO_LONGER_FIRING";

    /** A trigger nobody has taken yet: no owner, status OPEN, not followed up. */
    public static TriggerLine open(String code, String title, String pillar, String severity, String evidence) {
        return new TriggerLine(code, title, pillar, severity, evidence, null, "OPEN", null, null, null);
    }

    /** This line with what this month's run found about it (last month's actions). */
    public TriggerLine followedUp(String found) {
        return new TriggerLine(code, title, pillar, severity, evidence, owner, status, id, recurring, found);
    }

    /** This line marked as continuing last month's action point, or as new (this month's triggers). */
    public TriggerLine raised(Boolean again) {
        return new TriggerLine(code, title, pillar, severity, evidence, owner, status, id, again, followUp);
    }

    /** True when this month's run raised last month's action again. */
    public boolean stillFiring() {
        return STILL_FIRING.equals(followUp);
    }
}
