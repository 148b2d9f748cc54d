package org.rapport.rules.facts;

import java.util.Objects;

/**
 * Something the CRM should do about one customer, raised by a rule. Action lists go to the CRM
 * through the integration layer; they never appear in a board pack, which names no customer.
 *
 * @param customerRef the opaque customer reference of the {@link CustomerProfile}
 * @param kind        what to do
 * @param reason      the figures behind it, e.g. "Index fell from 72 to 48 (-24 points)"; no personal data
 */
public record CustomerAction(String customerRef, ActionKind kind, String reason) {

    public CustomerAction {
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
