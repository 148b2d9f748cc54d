package org.rapport.engine.engagement;

import java.util.Objects;

/**
 * Consecutive customers in external-id order: those after {@code after} up to and including {@code last}, or to the
 * end when {@code last} is null. A run's customers are cut into such ranges to be scored side by side.
 *
 * @param after the external id the range starts after ("" for the first customer)
 * @param last  the range's last external id, or null for no end
 */
public record CustomerRange(String after, String last) {

    /** Every customer. */
    public static final CustomerRange ALL = new CustomerRange("", null);

    public CustomerRange {
        Objects.requireNonNull(after, "after");
    }
}
