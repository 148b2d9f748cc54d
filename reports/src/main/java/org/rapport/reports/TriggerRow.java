package org.rapport.reports;

import org.rapport.engine.snapshot.TriggerLine;

/**
 * One improvement trigger as the pack lists it. A JavaBean for JRBeanCollectionDataSource. The
 * evidence is passed through as stored: snapshots hold no personal data, and scrubbing verbatims is
 * the engine's job before the snapshot is written, not the layout's.
 */
public final class TriggerRow {

    private final String title;
    private final String pillar;
    private final String severity;
    private final String evidence;
    private final String owner;
    private final String status;

    private TriggerRow(String title, String pillar, String severity, String evidence, String owner, String status) {
        this.title = title;
        this.pillar = pillar;
        this.severity = severity;
        this.evidence = evidence;
        this.owner = owner;
        this.status = status;
    }

    static TriggerRow of(TriggerLine trigger) {
        return new TriggerRow(trigger.title(), PackWording.words(trigger.pillar()), trigger.severity(),
                trigger.evidence(), trigger.owner() == null || trigger.owner().isBlank() ? "unassigned" : trigger.owner(),
                PackWording.words(trigger.status()));
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
}
