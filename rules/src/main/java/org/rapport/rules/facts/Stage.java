package org.rapport.rules.facts;

/**
 * How engaged a customer is, from least to most. Customers move one stage at a time, like a gym
 * member going from casual visitor to regular to convert: the order of the constants is the ladder.
 */
public enum Stage {
    UNENGAGED, CASUAL, REGULAR, LOYAL, ADVOCATE;

    /** True when this stage is higher up the ladder than {@code other}. */
    public boolean isAbove(Stage other) {
        return compareTo(other) > 0;
    }

    /** True when this stage is lower down the ladder than {@code other}. */
    public boolean isBelow(Stage other) {
        return compareTo(other) < 0;
    }

    /** One step up the ladder; {@link #ADVOCATE} stays where it is. */
    public Stage next() {
        return this == ADVOCATE ? ADVOCATE : values()[ordinal() + 1];
    }

    /** One step down the ladder; {@link #UNENGAGED} stays where it is. */
    public Stage previous() {
        return this == UNENGAGED ? UNENGAGED : values()[ordinal() - 1];
    }
}
