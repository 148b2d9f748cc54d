package org.rapport.engine.ruleset;

/** Where a rule-set version is in its lifecycle (DESIGN.md, Rules). */
public enum RuleSetStatus {
    DRAFT, VALIDATED, ACTIVE, RETIRED
}
