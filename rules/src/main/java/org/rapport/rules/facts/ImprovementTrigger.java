package org.rapport.rules.facts;

import java.util.Objects;

/**
 * A process-improvement trigger raised by a rule: what to look at, which side of the engagement
 * triangle it is about, how urgent it is, and the figures that fired it.
 *
 * @param code     stable identifier, e.g. {@code TRAPPED_IN_SELF_SERVICE}
 * @param title    a business sentence for the board pack
 * @param pillar   staff, process or technology
 * @param severity how urgent
 * @param evidence the figures that fired it, e.g. "P90 time to human 11.2 min against a target of 9.5"
 */
public record ImprovementTrigger(String code, String title, Pillar pillar, Severity severity, String evidence) {

    public ImprovementTrigger {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
    }
}
