package org.rapport.rules.facts;

import java.util.Objects;

/**
 * The lowest engagement index that qualifies for a stage, as the stages decision table states it.
 * A customer qualifies for the highest stage whose minimum their index reaches.
 */
public record StageThreshold(Stage stage, int minimumIndex) {

    public StageThreshold {
        Objects.requireNonNull(stage, "stage");
        if (minimumIndex < 0 || minimumIndex > 100) {
            throw new IllegalArgumentException("The minimum index of " + stage + " must be 0–100, was " + minimumIndex);
        }
    }
}
