package org.rapport.reports;

import org.rapport.engine.snapshot.TriggerLine;

/**
 * One improvement trigger as the pack lists it. A JavaBean for JRBeanCollectionDataSource. The
 * evidence is passed through as stored: snapshots hold no personal data, and scrubbing verbatims is
 * the engine's job before the snapshot is written, not the layout's.
 */
public final class TriggerRow {

    static final String NEW = "New";
    static final String AGAIN = "Again";
    static final String STILL_FIRING = "Still firing";
    static final String NO_LONGER_FIRING = "No longer firing";
    static final String NOT_CHECKED = "Not checked";

    private final String title;
    private final String pillar;
    private final String severity;
    private final String evidence;
    private final String owner;
    private final String status;
    private final String raised;
    private final String followUp;

    private TriggerRow(String title, String pillar, String severity, String evidence, String owner, String status,
            String raised, String followUp) {
        this.title = title;
        this.pillar = pillar;
        this.severity = severity;
        this.evidence = evidence;
        this.owner = owner;
        this.status = status;
        this.raised = raised;
        this.followUp = followUp;
    }

    static TriggerRow of(TriggerLine trigger) {
        return new TriggerRow(trigger.title(), PackWording.words(trigger.pillar()), trigger.severity(),
                trigger.evidence(), trigger.owner() == null || trigger.owner().isBlank() ? "unassigned" : trigger.owner(),
                PackWording.words(trigger.status()), raised(trigger.recurring()), followUp(trigger.followUp()));
    }

    /** "New", "Again" (last month's action for it is still firing), or "–" when last month was not followed up. */
    static String raised(Boolean recurring) {
        if (recurring == null) {
            return "–";
        }
        return recurring ? AGAIN : NEW;
    }

    /** What this month's data says about one of last month's actions, in the board's words. */
    static String followUp(String found) {
        if (TriggerLine.STILL_FIRING.equals(found)) {
            return STILL_FIRING;
        }
        return TriggerLine.NO_LONGER_FIRING.equals(found) ? NO_LONGER_FIRING : NOT_CHECKED;
    }

    public String getTitle() {
        return title;
    }

    public String getPillar() {
        return pillar;
    }

    public String getSeverity() {
        return severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getOwner() {
        return owner;
    }

    public String getStatus() {
        return status;
    }

    public String getRaised() {
        return raised;
    }

    public String getFollowUp() {
        return followUp;
    }
}
