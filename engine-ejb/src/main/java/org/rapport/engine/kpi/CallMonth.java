package org.rapport.engine.kpi;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallDays;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.contact.CallScan;

/**
 * A month's calls read once: every count and sum the call KPIs and cost to serve need, grouped by the
 * caller's segment and value band and the call's channel ({@link SliceTotals}), and the seconds callers
 * took to reach a human, counted by second in the same groups ({@link SecondsHistogram}) for exact
 * percentiles.
 *
 * <p>The calls stream by once and are tallied here, each in the group its caller's customer record
 * ({@link Callers}, read first) and its channel give; repeats are found among each caller's calls once all
 * are read ({@link RepeatCalls}). Grouping a large month per caller in the database, and joining it to the
 * customers there, cost H2 a minute at 100,000 customers, where streaming the rows costs seconds; the
 * definitions are those of the SQL this replaced, which {@code OnePassCallsTest} still holds every slice to.
 * Outcomes are stored by name. Not thread-safe.
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

    /** Rows streamed from the database at a time: a month's calls are never held as rows. */
    static final int FETCH_SIZE = 10_000;

    private static final String CALLS_IN = """
            select c.customer_ref, c.channel, c.started_at, c.outcome, c.wanted_agent, c.ivr_seconds,
                   c.queue_seconds, c.transfers, c.times_reidentified, c.agent_saw_history
            from %s
            where c.started_at >= :start and c.started_at < :end and %s""";

    private static final String KNOWN_CALLERS_IN = """
            select c.customer_ref, c.started_at from %s
            where c.customer_ref is not null and c.started_at >= :start and c.started_at < :end
              and %s""";

    private static final int WIDTH = 19;

    private static final int WINDOW_DAYS = 8;

    /** Both let go once the sums are handed over: at a large company they are most of what a reading holds. */
    private Callers callers = new Callers();
    private RepeatCalls repeats;
    private final CallGroups groups = new CallGroups(WIDTH);
    private boolean callersRead;
    private SliceTotals totals;
    private SecondsHistogram toHuman;

    CallMonth(ReportingMonth month) {
        this.repeats = new RepeatCalls(month.startTime());
    }

    /** The whole month: its callers, its calls window by window ({@link #windows}), the week after it. */
    static CallMonth of(EntityManager entityManager, ReportingMonth month) {
        CallMonth calls = new CallMonth(month);
        calls.readCallers(entityManager);
        boolean scanned = CallScan.scans(entityManager, CallDays.between(month.startTime(), month.endTime()));
        for (LocalDateTime[] window : windows(month, scanned)) {
            calls.read(entityManager, window[0], window[1]);
        }
        LocalDateTime[] after = weekAfter(month);
        calls.readFollowers(entityManager, after[0], after[1]);
        return calls;
    }

    /**
     * The month cut into windows of {@value #WINDOW_DAYS} days, each read by a query of its own (in a
     * transaction of its own when the run measures), so that no read of a large month runs long. Sums add up
     * across windows; a call's repeat is looked for among every call of its caller once all are read. When the
     * month's calls are read by {@code scanned} the calls table ({@link CallScan}), one window: each window would
     * scan the whole table, so windows would bound no read and multiply the scans.
     */
    static List<LocalDateTime[]> windows(ReportingMonth month, boolean scanned) {
        List<LocalDateTime[]> windows = new ArrayList<>();
        if (scanned) {
            windows.add(new LocalDateTime[] {month.startTime(), month.endTime()});
            return windows;
        }
        for (LocalDateTime from = month.startTime(); from.isBefore(month.endTime()); from = from.plusDays(WINDOW_DAYS)) {
            LocalDateTime to = from.plusDays(WINDOW_DAYS);
            windows.add(new LocalDateTime[] {from, to.isAfter(month.endTime()) ? month.endTime() : to});
        }
        return windows;
    }

    /** The week after the month, whose calls can make a call of the month's last week a repeat. */
    static LocalDateTime[] weekAfter(ReportingMonth month) {
        return new LocalDateTime[] {month.endTime(), month.endTime().plus(RepeatCalls.WITHIN)};
    }

    /** Reads the customers' slice keys: first, so that each call is tallied in its slice as it streams by. */
    void readCallers(EntityManager entityManager) {
        callers.read(entityManager, FETCH_SIZE);
        callersRead = true;
    }

    /** Tallies the calls started in [from, to) into the sums and the histogram. */
    void read(EntityManager entityManager, LocalDateTime from, LocalDateTime to) {
        requireOpen();
        try (Stream<?> rows = stream(entityManager, CALLS_IN, from, to)) {
            rows.forEach(row -> tally((Object[]) row));
        }
    }

    /** Keeps the known callers' calls in [from, to), after the month, as possible follow-ups. */
    void readFollowers(EntityManager entityManager, LocalDateTime from, LocalDateTime to) {
        requireOpen();
        try (Stream<?> rows = stream(entityManager, KNOWN_CALLERS_IN, from, to)) {
            rows.forEach(row -> {
                Object[] columns = (Object[]) row;
                repeats.follower(callers.number((String) columns[0]), dateTime(columns[1]));
            });
        }
    }

    private void tally(Object[] columns) {
        int caller = callers.number((String) columns[0]);
        String channel = (String) columns[1];
        int profileNumber = callers.profileOf(caller);
        int group = groups.of(profileNumber, channel);
        long[] sums = groups.sums(group);
        sums[CALLS]++;
        switch (CallOutcome.valueOf((String) columns[3])) {
            case ANSWERED -> answered(group, sums, columns);
            case ABANDONED_IN_QUEUE -> {
                sums[QUEUED]++;
                sums[ABANDONED_IN_QUEUE]++;
            }
            case ABANDONED_IN_IVR -> sums[ABANDONED_IN_IVR]++;
            case SELF_SERVED -> sums[SELF_SERVED]++;
        }
        if (((Number) columns[7]).intValue() > 0) {
            sums[TRANSFERRED]++;
            if (((Number) columns[8]).intValue() > 0) {
                sums[REIDENTIFIED]++;
            }
        }
        if (caller >= 0) {
            sums[FROM_KNOWN_CALLER]++;
            repeats.call(caller, dateTime(columns[2]), group);
        }
        String preferred = callers.profile(profileNumber).preferredChannel();
        if (preferred != null) {
            sums[WITH_PREFERENCE]++;
            if (preferred.equals(channel)) {
                sums[IN_PREFERRED]++;
            }
        }
    }

    private void answered(int group, long[] sums, Object[] columns) {
        int queueSeconds = ((Number) columns[6]).intValue();
        sums[ANSWERED]++;
        sums[QUEUED]++;
        sums[ANSWERED_QUEUE_SECONDS] += queueSeconds;
        if (queueSeconds <= ContactCentreMeasures.SERVICE_LEVEL_SECONDS) {
            sums[ANSWERED_IN_TIME]++;
        }
        Boolean sawHistory = (Boolean) columns[9];
        if (sawHistory != null) {
            sums[HISTORY_KNOWN]++;
            if (!sawHistory) {
                sums[WITHOUT_HISTORY]++;
            }
        }
        if ((Boolean) columns[4]) {
            // the caller wanted an agent and was answered: a human reached
            int toHuman = ((Number) columns[5]).intValue() + queueSeconds;
            sums[REACHED]++;
            sums[REACHED_SECONDS] += toHuman;
            if (toHuman > MomentsOfTruthMeasures.PUBLISHED_AVERAGE_SECONDS) {
                sums[REACHED_LATE]++;
            }
            groups.secondsToHuman(group, toHuman);
        }
    }

    /** {@code sql}'s calls, its table and day condition filled in ({@link CallScan}), started in [from, to). */
    private static Stream<?> stream(EntityManager entityManager, String sql, LocalDateTime from, LocalDateTime to) {
        CallDays days = CallDays.between(from, to);
        return days.bind(entityManager.createNativeQuery(sql.formatted(CallScan.table(entityManager, days, "c"),
                        CallDays.sql("c"))))
                .setParameter("start", from)
                .setParameter("end", to)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream();
    }

    private static LocalDateTime dateTime(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        throw new IllegalStateException("A call's start read as " + value.getClass().getName());
    }

    private void requireOpen() {
        if (!callersRead) {
            throw new IllegalStateException("The customers are read before the month's calls");
        }
        if (totals != null) {
            throw new IllegalStateException("The month's calls were already summed up");
        }
    }

    /** Counts the repeats once every call is read, and hands each group's sums to the slices. */
    private SliceTotals totals() {
        if (totals == null) {
            long[] repeated = new long[groups.count()];
            repeats.countInto(repeated, callers.count());
            totals = new SliceTotals(WIDTH);
            toHuman = new SecondsHistogram();
            for (int group = 0; group < groups.count(); group++) {
                Callers.Profile profile = callers.profile(groups.profileOf(group));
                String channel = groups.channelOf(group);
                long[] sums = groups.sums(group);
                sums[REPEATED] = repeated[group];
                Object[] boxed = new Object[WIDTH];
                for (int index = 0; index < WIDTH; index++) {
                    boxed[index] = sums[index];
                }
                totals.add(profile.segment(), profile.valueBand(), channel, boxed);
                groups.forEachSecondsToHuman(group, (seconds, calls) ->
                        toHuman.add(profile.segment(), profile.valueBand(), channel, seconds, calls));
            }
            callers = null;
            repeats = null;
        }
        return totals;
    }

    /** Overall and each breakdown's slices in which {@code present} counted a call, with every sum. */
    List<SlicedQuery.Slice> slices(List<Breakdown> breakdowns, int present) {
        return totals().slices(breakdowns, present);
    }

    /** Sums worked out per group of calls from its channel and sums, then rolled up. */
    SliceTotals perGroup(int width, BiFunction<String, Number[], Object[]> sums) {
        return totals().perGroup(width, sums);
    }

    /** The seconds to reach a human, by slice dimension. */
    SecondsHistogram secondsToHuman() {
        totals();
        return toHuman;
    }
}
