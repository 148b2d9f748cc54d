package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one contact costs in each channel, £, as finance sets it for cost to serve: "phone=5.00,
 * email=3.50, …, other=4.00" ({@code rapport.cost-per-contact}). Channels are matched ignoring case;
 * a channel not listed costs {@value #OTHER}'s figure. Immutable.
 *
 * @param perContact £ per contact by lower-case channel, including {@value #SELF_SERVICE} and {@value #OTHER}
 */
public record ContactCosts(Map<String, BigDecimal> perContact) {

    /** The costing channel of a call completed in the IVR without an agent. */
    public static final String SELF_SERVICE = "self-service";

    /** The figure for every channel not listed. */
    public static final String OTHER = "other";

    /**
     * Placeholder figures in the range UK contact centres publish (an agent call costs several pounds,
     * self-service pence): the README asks every installation to set its own.
     */
    public static final String STANDARD = "phone=5.00,email=3.50,web-chat=2.50,chat=2.50,web=1.50,app=0.50,"
            + "letter=6.00,shop=8.00,self-service=0.50,other=4.00";

    public ContactCosts {
        Map<String, BigDecimal> normalised = new LinkedHashMap<>();
        perContact.forEach((channel, cost) -> normalised.put(channel.strip().toLowerCase(Locale.ROOT), cost));
        if (!normalised.containsKey(OTHER)) {
            throw new IllegalArgumentException("Contact costs need an '" + OTHER + "' figure for unlisted channels");
        }
        perContact = Map.copyOf(normalised);
    }

    public static ContactCosts standard() {
        return parse(STANDARD);
    }

    /**
     * Reads "channel=£, channel=£, …"; the standard figures fill in any channel it does not name.
     *
     * @throws IllegalArgumentException naming the entry that is not "channel=amount"
     */
    public static ContactCosts parse(String text) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        if (!text.equals(STANDARD)) {
            costs.putAll(standard().perContact());
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            try {
                BigDecimal cost = new BigDecimal(parts[1].strip());
                if (parts[0].isBlank() || cost.signum() < 0) {
                    throw new NumberFormatException();
                }
                costs.put(parts[0].strip().toLowerCase(Locale.ROOT), cost);
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException("Cost per contact '" + entry.strip()
                        + "' is not channel=amount in pounds, e.g. phone=5.00");
            }
        }
        return new ContactCosts(costs);
    }

    /** £ for one contact in {@code channel}. */
    public BigDecimal of(String channel) {
        if (channel == null) {
            return perContact.get(OTHER);
        }
        return perContact.getOrDefault(channel.strip().toLowerCase(Locale.ROOT), perContact.get(OTHER));
    }
}
