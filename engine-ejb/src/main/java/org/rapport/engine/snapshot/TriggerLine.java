package org.rapport.engine.snapshot;

/**
 * One improvement trigger as the pack shows it.
 *
 * @param code     the rule's trigger code
 * @param title    what the board reads
 * @param pillar   STAFF, PROCESS or TECHNOLOGY (the engagement triangle)
 * @param severity HIGH, MEDIUM or LOW
 * @param evidence the figures that raised it, as the rule wrote them
 * @param owner    who acts on it; null until someone takes it
 * @param status   follow-up status, e.g. OPEN
 */
public record TriggerLine(String code, String title, String pillar, String severity, String evidence, String owner,
        String status) {

    /** A trigger nobody has taken yet: no owner, status OPEN. */
    public static TriggerLine open(String code, String title, String pillar, String severity, String evidence) {
        return new TriggerLine(code, title, pillar, severity, evidence, null, "OPEN");
    }
}
