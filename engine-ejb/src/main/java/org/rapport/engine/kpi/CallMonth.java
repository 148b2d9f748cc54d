package org.rapport.engine.kpi;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;

/**
 * A month's calls read once: every count and sum the call KPIs and cost to serve need, grouped by the
 * caller's segment and value band and the call's channel ({@link SliceTotals}), and the seconds callers
 * took to reach a human, counted by second in the same groups ({@link SecondsHistogram}) for exact
 * percentiles. Two grouped queries where there were about forty, one per KPI and slice.
 *
 * <p>The calls are first summed per caller and channel, then the few hundred thousand sums are joined to
 * the customers: the join then looks a customer up once, not once per call. Native SQL that H2 and
 * PostgreSQL share; outcomes are stored by name.
 */
final class CallMonth {

    /** Calls started in the month. */
    static final int CALLS = 0;
    static final int ABANDONED_IN_IVR = 1;
    /** Answered calls whose caller wanted an agent: they reached a human. */
    static final int REACHED = 2;
    static final int REACHED_SECONDS = 3;
    static final int REACHED_LATE = 4;
    static final int ANSWERED = 5;
    static final int ANSWERED_QUEUE_SECONDS = 6;
    /** Answered or abandoned in the queue: the calls that queued for an agent. */
    static final int QUEUED = 7;
    static final int ANSWERED_IN_TIME = 8;
    static final int ABANDONED_IN_QUEUE = 9;
    static final int TRANSFERRED = 10;
    static final int REIDENTIFIED = 11;
    /** Answered calls for which the system recorded whether the agent saw the history. */
    static final int HISTORY_KNOWN = 12;
    static final int WITHOUT_HISTORY = 13;
    static final int SELF_SERVED = 14;
    /** Calls from a known caller reference, and of those the ones followed by another within a week. */
    static final int FROM_KNOWN_CALLER = 15;
    static final int REPEATED = 16;
    /** Calls of customers who have a preferred channel, and of those the ones made in it. */
    static final int WITH_PREFERENCE = 17;
    static final int IN_PREFERRED = 18;

    private static final String PER_CALLER = """
            select c.customer_ref, c.channel,
                   count(*) calls,
                   sum(case when c.outcome = 'ABANDONED_IN_IVR' then 1 else 0 end) abandoned_in_ivr,
                   sum(case when c.outcome = 'ANSWERED' and c.wanted_agent = true then 1 else 0 end) reached,
                   sum(case when c.outcome = 'ANSWERED' and c.wanted_agent = true
                            then c.ivr_seconds + c.queue_seconds else 0 end) reached_seconds,
                   sum(case when c.outcome = 'ANSWERED' and c.wanted_agent = true
                             and c.ivr_seconds + c.queue_seconds > :limit then 1 else 0 end) reached_late,
                   sum(case when c.outcome = 'ANSWERED' then 1 else 0 end) answered,
                   sum(case when c.outcome = 'ANSWERED' then c.queue_seconds else 0 end) answered_queue_seconds,
                   sum(case when c.outcome in ('ANSWERED', 'ABANDONED_IN_QUEUE') then 1 else 0 end) queued,
                   sum(case when c.outcome = 'ANSWERED' and c.queue_seconds <= :serviceLevel then 1 else 0 end)
                       answered_in_time,
                   sum(case when c.outcome = 'ABANDONED_IN_QUEUE' then 1 else 0 end) abandoned_in_queue,
                   sum(case when c.transfers > 0 then 1 else 0 end) transferred,
                   sum(case when c.transfers > 0 and c.times_reidentified > 0 then 1 else 0 end) reidentified,
                   sum(case when c.outcome = 'ANSWERED' and c.agent_saw_history is not null then 1 else 0 end)
                       history_known,
                   sum(case when c.outcome = 'ANSWERED' and c.agent_saw_history = false then 1 else 0 end)
                       without_history,
                   sum(case when c.outcome = 'SELF_SERVED' then 1 else 0 end) self_served,
                   sum(case when c.customer_ref is not null then 1 else 0 end) from_known_caller,
                   sum(case when c.customer_ref is not null and exists (
                           select 1 from call_record n
                           where n.customer_ref = c.customer_ref and n.id <> c.id
                             and n.started_at > c.started_at
                             and n.started_at <= c.started_at + interval '7' day) then 1 else 0 end) repeated
            from call_record c
            where c.started_at >= :start and c.started_at < :end
            group by c.customer_ref, c.channel""";

    private static final String BY_SLICE = """
            select k.segment, k.value_band, s.channel,
                   sum(s.calls), sum(s.abandoned_in_ivr), sum(s.reached), sum(s.reached_seconds), sum(s.reached_late),
                   sum(s.answered), sum(s.answered_queue_seconds), sum(s.queued), sum(s.answered_in_time),
                   sum(s.abandoned_in_queue), sum(s.transferred), sum(s.reidentified), sum(s.history_known),
                   sum(s.without_history), sum(s.self_served), sum(s.from_known_caller), sum(s.repeated),
                   sum(case when k.preferred_channel is not null then s.calls else 0 end),
                   sum(case when s.channel = k.preferred_channel then s.calls else 0 end)
            from (%s) s left join customer k on k.external_id = s.customer_ref
            group by k.segment, k.value_band, s.channel""".formatted(PER_CALLER);

    private static final int WIDTH = 19;

    private static final int WINDOW_DAYS = 8;

    private static final String SECONDS_TO_HUMAN = """
            select k.segment, k.value_band, c.channel, c.ivr_seconds + c.queue_seconds, count(*)
            from call_record c left join customer k on k.external_id = c.customer_ref
            where c.outcome = 'ANSWERED' and c.wanted_agent = true and c.started_at >= :start and c.started_at < :end
            group by k.segment, k.value_band, c.channel, c.ivr_seconds + c.queue_seconds""";

    private final SliceTotals totals = new SliceTotals(WIDTH);
    private final SecondsHistogram toHuman = new SecondsHistogram();

    /** The whole month, read window by window ({@link #windows}). */
    static CallMonth of(EntityManager entityManager, ReportingMonth month) {
        CallMonth calls = new CallMonth();
        for (LocalDateTime[] window : windows(month)) {
            calls.read(entityManager, window[0], window[1]);
        }
        return calls;
    }

    /**
     * The month cut into windows of {@value #WINDOW_DAYS} days, each read by a query of its own (in a
     * transaction of its own when the run measures), so that no read of a large month runs long. Sums add up
     * across windows; a call's repeat is still looked for in every call of its caller.
     */
    static List<LocalDateTime[]> windows(ReportingMonth month) {
        List<LocalDateTime[]> windows = new ArrayList<>();
        for (LocalDateTime from = month.startTime(); from.isBefore(month.endTime()); from = from.plusDays(WINDOW_DAYS)) {
            LocalDateTime to = from.plusDays(WINDOW_DAYS);
            windows.add(new LocalDateTime[] {from, to.isAfter(month.endTime()) ? month.endTime() : to});
        }
        return windows;
    }

    /** Adds the calls started in [from, to) to the sums and to the histogram. */
    void read(EntityManager entityManager, LocalDateTime from, LocalDateTime to) {
        List<?> rows = entityManager.createNativeQuery(BY_SLICE)
                .setParameter("limit", MomentsOfTruthMeasures.PUBLISHED_AVERAGE_SECONDS)
                .setParameter("serviceLevel", ContactCentreMeasures.SERVICE_LEVEL_SECONDS)
                .setParameter("start", from)
                .setParameter("end", to)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Object[] sums = new Object[WIDTH];
            System.arraycopy(columns, 3, sums, 0, WIDTH);
            totals.add((String) columns[0], (String) columns[1], (String) columns[2], sums);
        }
        List<?> seconds = entityManager.createNativeQuery(SECONDS_TO_HUMAN)
                .setParameter("start", from)
                .setParameter("end", to)
                .getResultList();
        for (Object row : seconds) {
            Object[] columns = (Object[]) row;
            toHuman.add((String) columns[0], (String) columns[1], (String) columns[2],
                    Aggregates.asLong(columns[3]), Aggregates.asLong(columns[4]));
        }
    }

    /** Overall and each breakdown's slices in which {@code present} counted a call, with every sum. */
    List<SlicedQuery.Slice> slices(List<Breakdown> breakdowns, int present) {
        return totals.slices(breakdowns, present);
    }

    /** Sums worked out per group of calls from its channel and sums, then rolled up. */
    SliceTotals perGroup(int width, BiFunction<String, Number[], Object[]> sums) {
        return totals.perGroup(width, sums);
    }

    /** The seconds to reach a human, by slice dimension. */
    SecondsHistogram secondsToHuman() {
        return toHuman;
    }
}
