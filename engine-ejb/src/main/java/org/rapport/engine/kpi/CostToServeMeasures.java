package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallDays;

/**
 * Cost to serve: the cost of the month's contacts per customer active at month end. The database
 * counts contacts per slice and costing channel (a handful of rows); only those counts are priced here.
 * A call answered by an agent costs its channel's figure, a call completed in the IVR the
 * self-service figure; abandoned calls served no one and cost nothing here. Service cases count
 * unless they came in by phone, where the call already is the contact.
 */
public class CostToServeMeasures implements MeasureFamily {

    /** The costing channel of a call: self-service when the IVR served it, else its channel. */
    static final String CALL_COSTING = "case when c.outcome = org.rapport.engine.contact.CallOutcome.SELF_SERVED"
            + " then '" + ContactCosts.SELF_SERVICE + "' else coalesce(lower(c.channel), 'unknown') end";

    static final String CASE_COSTING = "coalesce(lower(s.channel), 'unknown')";

    /** A scored customer's engagement: stage regular, loyal or advocate, or not. */
    static final String ENGAGEMENT = "case when lower(e.stage) in ('regular', 'loyal', 'advocate')"
            + " then '" + EngagedContacts.ENGAGED + "' else '" + EngagedContacts.NOT_ENGAGED + "' end";

    static final String CALLS_SERVED = "c.outcome in (org.rapport.engine.contact.CallOutcome.ANSWERED,"
            + " org.rapport.engine.contact.CallOutcome.SELF_SERVED) and c.startedAt >= :start and c.startedAt < :end"
            + " and " + CallDays.jpql("c");

    static final String CASES_NOT_BY_PHONE = "(s.channel is null or lower(s.channel) <> 'phone')"
            + " and s.openedAt >= :caseStart and s.openedAt < :caseEnd";

    private final EntityManager entityManager;
    private final ContactCosts costs;
    private final ZoneId zone;
    private final MonthPasses passes;

    public CostToServeMeasures(EntityManager entityManager, ContactCosts costs) {
        this(entityManager, costs, ZoneOffset.UTC);
    }

    public CostToServeMeasures(EntityManager entityManager, ContactCosts costs, ZoneId zone) {
        this(entityManager, costs, zone, new MonthPasses(entityManager));
    }

    CostToServeMeasures(EntityManager entityManager, ContactCosts costs, ZoneId zone, MonthPasses passes) {
        this.entityManager = entityManager;
        this.costs = costs;
        this.zone = zone;
        this.passes = passes;
    }

    /** Overall, by segment and value band (their contacts over their customers) and by channel. */
    @Override
    public List<Measurement> measure(ReportingMonth month) {
        Map<String, Long> customers = new LinkedHashMap<>();
        passes.customers(month).slices(customerBreakdowns(), CustomerMonth.ACTIVE_AT_END)
                .forEach(slice -> customers.put(slice.dimension(), slice.count(CustomerMonth.ACTIVE_AT_END)));
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        List<Breakdown> contactBreakdowns = KpiCatalogue.breakdowns(KpiCatalogue.COST_TO_SERVE).stream()
                .filter(breakdown -> breakdown != Breakdown.ENGAGEMENT).toList();
        // A call answered by an agent is priced at its channel, one the IVR served at self-service.
        addPriced(passes.calls(month).perGroup(2, (channel, sums) -> {
            long answered = Aggregates.asLong(sums[CallMonth.ANSWERED]);
            long selfServed = Aggregates.asLong(sums[CallMonth.SELF_SERVED]);
            return new Object[] {answered + selfServed, costs.of(costingChannel(channel))
                    .multiply(BigDecimal.valueOf(answered))
                    .add(costs.of(ContactCosts.SELF_SERVICE).multiply(BigDecimal.valueOf(selfServed)))};
        }).slices(contactBreakdowns, 0), cost);
        addPriced(cases(month).totals().perGroup(2, (channel, sums) -> new Object[] {sums[0],
                costs.of(costingChannel(channel)).multiply(BigDecimal.valueOf(Aggregates.asLong(sums[0])))})
                .slices(contactBreakdowns, 0), cost);
        List<Measurement> measured = new ArrayList<>();
        long active = customers.getOrDefault(Measurement.OVERALL, 0L);
        measured.add(perCustomer(Measurement.OVERALL, cost.get(Measurement.OVERALL), active));
        customers.forEach((dimension, count) -> {
            if (!dimension.equals(Measurement.OVERALL)) {
                measured.add(perCustomer(dimension, cost.get(dimension), count));
            }
        });
        // A channel's slice is its contacts over every active customer, so the channels add up to the whole
        // (contacts without a channel aside).
        cost.keySet().stream().filter(dimension -> dimension.startsWith(Breakdown.CHANNEL.prefix())).sorted()
                .forEach(dimension -> measured.add(perCustomer(dimension, cost.get(dimension), active)));
        return measured;
    }

    /**
     * Engaged customers (stage regular, loyal or advocate in run {@code runId}) against the others scored:
     * each group's contacts over its customers. Measured by the scoring step, once the scores exist.
     */
    public List<Measurement> byEngagement(long runId, ReportingMonth month) {
        if (!MonthObservations.of(entityManager, month, zone).contacts()) {
            // no contact delivered for the month: £0 a customer would be absence read as thrift
            return List.of();
        }
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        String scored = " join CustomerScore e on e.customerRef = %s and e.run.id = :run";
        price(grouped("Call c" + scored.formatted("c.customerRef"), ENGAGEMENT, CALL_COSTING, CALLS_SERVED,
                monthParameters(month), runId), cost);
        price(grouped("ServiceCase s" + scored.formatted("s.customerRef"), ENGAGEMENT, CASE_COSTING,
                CASES_NOT_BY_PHONE, monthParameters(month), runId), cost);
        return perEngagedCustomer(runId, cost);
    }

    /**
     * As {@link #byEngagement(long, ReportingMonth)}, from the contacts the scoring step counted while it read each
     * page of customers ({@code contacts}) rather than from a second pass over the month's calls and cases.
     */
    public List<Measurement> byEngagement(long runId, ReportingMonth month, EngagedContacts contacts) {
        if (!MonthObservations.of(entityManager, month, zone).contacts()) {
            return List.of();
        }
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        contacts.byDimension().forEach((dimension, byChannel) -> byChannel.forEach((channel, count) ->
                cost.merge(dimension, costs.of(channel).multiply(BigDecimal.valueOf(count)), BigDecimal::add)));
        return perEngagedCustomer(runId, cost);
    }

    /** The costing channel of a call, as {@link #CALL_COSTING} works it out in a query. */
    public static String callCosting(boolean selfServed, String channel) {
        return selfServed ? ContactCosts.SELF_SERVICE : caseCosting(channel);
    }

    /** The costing channel of a service case (or of a call an agent answered), as {@link #CASE_COSTING}. */
    public static String caseCosting(String channel) {
        return channel == null ? "unknown" : channel.toLowerCase(Locale.ROOT);
    }

    /** Whether a case is a contact of its own for cost to serve: not by phone, where the call is the contact. */
    public static boolean caseCounts(String channel) {
        return channel == null || !channel.toLowerCase(Locale.ROOT).equals("phone");
    }

    /** Each engagement's cost over its customers scored in run {@code runId}. */
    private List<Measurement> perEngagedCustomer(long runId, Map<String, BigDecimal> cost) {
        Map<String, Long> customers = new LinkedHashMap<>();
        entityManager.createQuery("select " + ENGAGEMENT + ", count(e) from CustomerScore e where e.run.id = :run"
                        + " group by " + ENGAGEMENT + " order by " + ENGAGEMENT, Object[].class)
                .setParameter("run", runId)
                .getResultList()
                .forEach(row -> customers.put(Breakdown.ENGAGEMENT.dimension(row[0]), Aggregates.asLong(row[1])));
        List<Measurement> measured = new ArrayList<>();
        customers.forEach((dimension, count) -> measured.add(
                Measurement.of(KpiCatalogue.COST_TO_SERVE, dimension, perCustomerValue(cost.get(dimension), count),
                        count)));
        return measured;
    }

    private List<SlicedQuery.Slice> grouped(String from, String key, String costing, String where,
            Map<String, Object> parameters, long runId) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("run", runId);
        List<SlicedQuery.Slice> slices = new ArrayList<>();
        var query = entityManager.createQuery("select " + key + ", " + costing + ", count(*) from " + from
                + " where " + where + " group by " + key + ", " + costing, Object[].class);
        all.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(parameter -> name.equals(parameter.getName()))) {
                query.setParameter(name, value);
            }
        });
        query.getResultList().forEach(row -> slices.add(new SlicedQuery.Slice(Breakdown.ENGAGEMENT.dimension(row[0]),
                new Object[] {row[1], row[2]})));
        return slices;
    }

    private SlicedQuery cases(ReportingMonth month) {
        return new SlicedQuery(entityManager, SliceSource.jpql("ServiceCase s", "s.customerRef", "s.channel"),
                "count(s)", CASES_NOT_BY_PHONE, Map.of("caseStart", month.startTime().atZone(zone).toInstant(),
                        "caseEnd", month.endTime().atZone(zone).toInstant()));
    }

    /** As {@link #CALL_COSTING} and {@link #CASE_COSTING} name a contact's channel for pricing. */
    private static String costingChannel(String channel) {
        return channel == null ? "unknown" : channel.toLowerCase(Locale.ROOT);
    }

    private Map<String, Object> monthParameters(ReportingMonth month) {
        Map<String, Object> parameters = new HashMap<>(CallDays.between(month.startTime(), month.endTime())
                .parameters());
        parameters.putAll(Map.of("start", month.startTime(), "end", month.endTime(),
                "caseStart", month.startTime().atZone(zone).toInstant(),
                "caseEnd", month.endTime().atZone(zone).toInstant()));
        return parameters;
    }

    /** Adds each row's (costing channel, contacts) at its price to its slice's cost. */
    private void price(List<SlicedQuery.Slice> contacts, Map<String, BigDecimal> cost) {
        for (SlicedQuery.Slice slice : contacts) {
            BigDecimal priced = costs.of((String) slice.value(0)).multiply(BigDecimal.valueOf(slice.count(1)));
            cost.merge(slice.dimension(), priced, BigDecimal::add);
        }
    }

    /** Adds each slice's priced contacts (contacts, £) to its cost; a slice without contacts adds nothing. */
    private static void addPriced(List<SlicedQuery.Slice> contacts, Map<String, BigDecimal> cost) {
        for (SlicedQuery.Slice slice : contacts) {
            if (slice.count(0) > 0) {
                cost.merge(slice.dimension(), (BigDecimal) slice.value(1), BigDecimal::add);
            }
        }
    }

    private static List<Breakdown> customerBreakdowns() {
        return KpiCatalogue.breakdowns(KpiCatalogue.COST_TO_SERVE).stream()
                .filter(breakdown -> breakdown == Breakdown.SEGMENT || breakdown == Breakdown.VALUE_BAND).toList();
    }

    private static Measurement perCustomer(String dimension, BigDecimal cost, long customers) {
        return Measurement.of(KpiCatalogue.COST_TO_SERVE, dimension, perCustomerValue(cost, customers), customers);
    }

    /** £ per customer; no value without customers, £0 for customers who made no contact. */
    private static BigDecimal perCustomerValue(BigDecimal cost, long customers) {
        if (customers == 0) {
            return null;
        }
        return (cost == null ? BigDecimal.ZERO : cost).divide(BigDecimal.valueOf(customers), 4, RoundingMode.HALF_UP);
    }
}
