package org.rapport.rules.facts;

/**
 * The three sides of a customer's investment in the brand: they know how we work (cognitive), care
 * and tell us what they think (emotional), and buy from us and recommend us (behavioural).
 * Not to be confused with {@link Pillar}, the staff / process / technology triangle of triggers.
 */
public enum EngagementPillar {
    COGNITIVE, EMOTIONAL, BEHAVIOURAL
}
