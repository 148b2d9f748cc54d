package org.rapport.engine.kpi;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Which of a month's calls from a known caller were followed by another call of the same caller within
 * a week — strictly later, as {@code n.started_at > c.started_at and n.started_at <= c.started_at + 7 days}
 * reads it — counted per group of calls without a look-up per call. Each call is kept as its caller's
 * number and one {@code long}: microseconds since the month began, shifted to make room for the call's
 * group; the calls are then put in caller order (a counting sort), each caller's few calls sorted in
 * time, and every call compared with the next later one. Calls of the week after the month are kept too,
 * as followers only. Not thread-safe.
 */
final class RepeatCalls {

    static final Duration WITHIN = Duration.ofDays(7);

    /** Bits below the time for the call's group: up to 65,535 groups. */
    private static final int GROUP_BITS = 16;
    private static final long GROUP_MASK = (1L << GROUP_BITS) - 1;
    /** A follower from after the month is counted in no group. */
    private static final int NO_GROUP = (int) GROUP_MASK;

    private final LocalDateTime monthStart;
    private final long withinMicros = WITHIN.toNanos() / 1_000;
    private int[] callers = new int[1 << 16];
    private long[] stamps = new long[1 << 16];
    private int size;

    RepeatCalls(LocalDateTime monthStart) {
        this.monthStart = monthStart;
    }

    /** A call of the month from {@code caller}, counted in {@code group} when repeated. */
    void call(int caller, LocalDateTime startedAt, int group) {
        if (group >= NO_GROUP) {
            throw new IllegalStateException("More than " + NO_GROUP + " groups of calls in a month");
        }
        keep(caller, startedAt, group);
    }

    /** A call after the month: it makes a call of the month a repeat, but is none itself. */
    void follower(int caller, LocalDateTime startedAt) {
        keep(caller, startedAt, NO_GROUP);
    }

    /** Adds to {@code repeated[group]} each kept call of the month followed within {@link #WITHIN}. */
    void countInto(long[] repeated, int callerCount) {
        int[] firsts = new int[callerCount + 1];
        for (int index = 0; index < size; index++) {
            firsts[callers[index] + 1]++;
        }
        for (int caller = 0; caller < callerCount; caller++) {
            firsts[caller + 1] += firsts[caller];
        }
        long[] byCaller = new long[size];
        int[] next = Arrays.copyOf(firsts, callerCount);
        for (int index = 0; index < size; index++) {
            byCaller[next[callers[index]]++] = stamps[index];
        }
        for (int caller = 0; caller < callerCount; caller++) {
            int from = firsts[caller];
            int to = firsts[caller + 1];
            Arrays.sort(byCaller, from, to);
            for (int index = from; index < to; index++) {
                int group = (int) (byCaller[index] & GROUP_MASK);
                if (group == NO_GROUP) {
                    continue;
                }
                long micros = byCaller[index] >>> GROUP_BITS;
                int later = index + 1;
                while (later < to && byCaller[later] >>> GROUP_BITS == micros) {
                    later++;
                }
                if (later < to && (byCaller[later] >>> GROUP_BITS) - micros <= withinMicros) {
                    repeated[group]++;
                }
            }
        }
    }

    private void keep(int caller, LocalDateTime startedAt, int group) {
        long micros = ChronoUnit.MICROS.between(monthStart, startedAt);
        if (micros < 0 || micros >= 1L << (Long.SIZE - 1 - GROUP_BITS)) {
            throw new IllegalArgumentException("A call at " + startedAt + " is outside the month read");
        }
        if (size == callers.length) {
            callers = Arrays.copyOf(callers, size * 2);
            stamps = Arrays.copyOf(stamps, size * 2);
        }
        callers[size] = caller;
        stamps[size++] = micros << GROUP_BITS | group;
    }
}
