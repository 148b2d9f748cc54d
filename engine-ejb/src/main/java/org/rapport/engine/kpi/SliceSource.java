package org.rapport.engine.kpi;

/**
 * The rows a measure aggregates, and how they reach the customer and the channel a breakdown groups
 * by: the query text of one {@link SlicedQuery}, in JPQL or in SQL.
 *
 * @param nativeSql     whether {@code from} and the expressions are SQL rather than JPQL
 * @param from          the from clause without "from", e.g. "SurveyResponse r"
 * @param customerJoin  the join that brings the customer in as alias {@code k}, or "" when {@code from}
 *                      already has it (or is the customer itself)
 * @param customer      the customer's alias in the query
 * @param channel       the channel expression, or null when the rows have no channel
 */
public record SliceSource(boolean nativeSql, String from, String customerJoin, String customer, String channel) {

    /** JPQL rows carrying a customer reference, e.g. {@code jpql("Call c", "c.customerRef", "c.channel")}. */
    public static SliceSource jpql(String from, String customerRef, String channel) {
        return new SliceSource(false, from, " join Customer k on k.externalId = " + customerRef, "k", channel);
    }

    /** SQL rows carrying a customer reference, e.g. {@code sql("call_record c", "c.customer_ref", "c.channel")}. */
    public static SliceSource sql(String from, String customerRef, String channel) {
        return new SliceSource(true, from, " join customer k on k.external_id = " + customerRef, "k", channel);
    }

    /** JPQL rows that already are, or already join, the customer under {@code alias}. */
    public static SliceSource jpqlWithCustomer(String from, String alias, String channel) {
        return new SliceSource(false, from, "", alias, channel);
    }

    /** The expression a breakdown groups by; null for a breakdown these rows cannot be sliced by. */
    String key(Breakdown breakdown) {
        switch (breakdown) {
            case SEGMENT:
                return customer + ".segment";
            case VALUE_BAND:
                return customer + (nativeSql ? ".value_band" : ".valueBand");
            case CHANNEL:
                return channel;
            default:
                return null;
        }
    }

    /**
     * The customer joined so that rows without one stay in ({@link SlicedQuery#totals()}): the outer form of
     * {@code customerJoin}, which every factory writes as " join …".
     */
    String outerCustomerJoin() {
        return customerJoin.isEmpty() ? "" : " left" + customerJoin;
    }

    /** The join a breakdown needs: the customer for segment and value band, nothing for channel. */
    String join(Breakdown breakdown) {
        return breakdown == Breakdown.CHANNEL ? "" : customerJoin;
    }
}
