package org.rapport.rules.facts;

import java.util.Objects;

/**
 * The weight of one engagement pillar in the engagement index, as the weights decision table states it.
 * Weights are relative: the index divides by their sum, so 30 / 30 / 40 and 3 / 3 / 4 mean the same.
 */
public record EngagementWeight(EngagementPillar pillar, int weight) {

    public EngagementWeight {
        Objects.requireNonNull(pillar, "pillar");
        if (weight < 0) {
            throw new IllegalArgumentException("The weight of " + pillar + " must not be negative, was " + weight);
        }
    }
}
