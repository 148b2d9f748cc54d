package org.rapport.engine.engagement;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import com.carrotsearch.hppc.IntArrayList;

import org.rapport.engine.contact.CallDays;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.contact.CallScan;
import org.rapport.engine.kpi.CostToServeMeasures;

/**
 * What scoring pages read of each customer's calls in a window, grouped once per pass and held in this process's
 * memory for the pass's pages: self-service successes (self-served calls of callers who did not want an agent) over
 * the window, and the month's answered or self-served calls (contacts to price) by costing channel. One grouped
 * statement over the window's calls makes a pass (read through their day index, or on H2 by a scan when the window
 * holds most of them, {@link CallScan}); abandoned calls and answered calls before the month are left out. This is
 * what lets the calls do without a customer index of their own, which costs H2 more than the rest of storing them
 * (V106).
 * <p>
 * Held in memory rather than written to a table and deleted again (V106–V109 did, in {@code call_profile}): on H2 the
 * writing and the deleting cost about as much again as the grouping. A run's pass may be grouped ahead, while the run
 * measures ({@link #makeAhead}), and is taken by its scoring step. A pass lives while one scoring step runs in this
 * process, which starts again from its first page after a restart and so groups afresh; about 20 bytes a customer
 * with calls, and the customer's reference. Thread-safe.
 */
final class CallProfiles {

    /** The passes made in this process, or grouped ahead, and not dropped yet. */
    private static final HeldPasses<GroupedCalls> PASSES = new HeldPasses<>();

    private static final int FETCH_SIZE = 10_000;

    private final EntityManager entityManager;

    CallProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Makes pass {@code pass} afresh from the calls started in [{@code from}, {@code end}); returns how many customers
     * it holds calls of.
     */
    int make(String pass, LocalDateTime from, LocalDateTime monthStart, LocalDateTime end) {
        return PASSES.make(pass, () -> group(from, monthStart, end)).customers();
    }

    /**
     * Groups the calls of pass {@code pass} ahead of its use, on the caller's thread, for {@link #makeOrTakeAhead} to
     * take: one use, and only by the first to ask. A failure is thrown, and leaves the pass to be made when it is
     * asked for.
     */
    void makeAhead(String pass, LocalDateTime from, LocalDateTime monthStart, LocalDateTime end) {
        PASSES.makeAhead(pass, () -> group(from, monthStart, end));
    }

    /**
     * As {@link #make}, unless the pass was grouped ahead ({@link #makeAhead}): then it waits for that grouping to end
     * and holds what it grouped, or, if it failed, makes the pass afresh.
     */
    int makeOrTakeAhead(String pass, LocalDateTime from, LocalDateTime monthStart, LocalDateTime end) {
        return PASSES.makeOrTakeAhead(pass, () -> group(from, monthStart, end)).customers();
    }

    private GroupedCalls group(LocalDateTime from, LocalDateTime monthStart, LocalDateTime end) {
        CallDays days = CallDays.between(from, end);
        GroupedCalls.Builder grouped = new GroupedCalls.Builder();
        try (Stream<?> rows = days.bind(entityManager.createNativeQuery("""
                        select c.customer_ref, c.outcome, c.wanted_agent, c.channel, count(*),
                               sum(case when c.started_at >= :monthStart then 1 else 0 end)
                        from %s
                        where c.customer_ref is not null and c.started_at >= :from and c.started_at < :end
                          and %s
                          and (c.outcome = :selfServed and c.wanted_agent = false
                               or c.outcome in (:answered, :selfServed) and c.started_at >= :monthStart)
                        group by c.customer_ref, c.outcome, c.wanted_agent, c.channel
                        order by c.customer_ref""".formatted(CallScan.table(entityManager, days, "c"),
                        CallDays.sql("c"))))
                .setParameter("selfServed", CallOutcome.SELF_SERVED.name())
                .setParameter("answered", CallOutcome.ANSWERED.name())
                .setParameter("monthStart", monthStart)
                .setParameter("from", from)
                .setParameter("end", end)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream()) {
            rows.forEach(row -> {
                Object[] columns = (Object[]) row;
                grouped.add((String) columns[0], CallOutcome.valueOf((String) columns[1]), (Boolean) columns[2],
                        (String) columns[3], ((Number) columns[4]).intValue(), ((Number) columns[5]).longValue());
            });
        }
        return grouped.build();
    }

    /**
     * Hands each of {@code customers} that pass {@code pass} holds calls of to {@code calls}.
     *
     * @throws IllegalStateException when this process holds no such pass: it was not made, or was dropped
     */
    void forEach(String pass, Collection<String> customers, CustomerCalls.Consumer calls) {
        GroupedCalls grouped = PASSES.held(pass, "calls");
        customers.forEach(ref -> grouped.of(ref).ifPresent(found -> calls.accept(ref, found)));
    }

    void drop(String pass) {
        PASSES.drop(pass);
    }

    /** How many passes this process holds, made or grouped ahead: none once every scoring step has ended. */
    static int passesHeld() {
        return PASSES.size();
    }

    /** Whether pass {@code pass} was grouped ahead, or is being, and not taken yet. */
    static boolean groupedAhead(String pass) {
        return PASSES.groupedAhead(pass);
    }

    /** Whether this process holds pass {@code pass}. */
    static boolean holds(String pass) {
        return PASSES.holds(pass);
    }

    /**
     * One customer's calls as scoring reads them.
     *
     * @param selfServiceSuccesses self-served calls of the window in which the caller did not want an agent
     * @param contacts             the month's answered or self-served calls by costing channel
     */
    record CustomerCalls(int selfServiceSuccesses, Map<String, Long> contacts) {

        @FunctionalInterface
        interface Consumer {
            void accept(String customerRef, CustomerCalls calls);
        }
    }

    /**
     * The customers' calls of a pass, compactly: references sorted (Java's order, whatever the database's collation),
     * successes, and each customer's contacts as a run of (costing channel, count) pairs.
     */
    private static final class GroupedCalls {

        private final String[] refs;
        private final int[] successes;
        private final int[] contactsFrom;
        private final byte[] costing;
        private final int[] counts;
        private final String[] costings;

        private GroupedCalls(String[] refs, int[] successes, int[] contactsFrom, byte[] costing, int[] counts,
                String[] costings) {
            this.refs = refs;
            this.successes = successes;
            this.contactsFrom = contactsFrom;
            this.costing = costing;
            this.counts = counts;
            this.costings = costings;
        }

        int customers() {
            return refs.length;
        }

        Optional<CustomerCalls> of(String ref) {
            int at = Arrays.binarySearch(refs, ref);
            if (at < 0) {
                return Optional.empty();
            }
            Map<String, Long> contacts = new TreeMap<>();
            for (int i = contactsFrom[at]; i < contactsFrom[at + 1]; i++) {
                contacts.merge(costings[costing[i]], (long) counts[i], Long::sum);
            }
            return Optional.of(new CustomerCalls(successes[at], contacts));
        }

        /** Takes the grouped rows in the database's order, a customer's rows one after the other. */
        static final class Builder {

            private final List<String> refs = new ArrayList<>();
            private final IntArrayList successes = new IntArrayList();
            private final IntArrayList contactsFrom = new IntArrayList();
            private final IntArrayList costing = new IntArrayList();
            private final IntArrayList counts = new IntArrayList();
            private final Map<String, Integer> costingNumbers = new LinkedHashMap<>();
            private String current;

            void add(String ref, CallOutcome outcome, boolean wantedAgent, String channel, int calls, long inMonth) {
                if (!ref.equals(current)) {
                    current = ref;
                    refs.add(ref);
                    successes.add(0);
                    contactsFrom.add(costing.size());
                }
                boolean selfServed = outcome == CallOutcome.SELF_SERVED;
                if (selfServed && !wantedAgent) {
                    int last = successes.size() - 1;
                    successes.set(last, successes.get(last) + calls);
                }
                if ((selfServed || outcome == CallOutcome.ANSWERED) && inMonth > 0) {
                    String channelCosted = CostToServeMeasures.callCosting(selfServed, channel);
                    costing.add(costingNumbers.computeIfAbsent(channelCosted, name -> {
                        if (costingNumbers.size() == Byte.MAX_VALUE) {
                            throw new IllegalStateException("More than " + Byte.MAX_VALUE + " costing channels");
                        }
                        return costingNumbers.size();
                    }));
                    counts.add(Math.toIntExact(inMonth));
                }
            }

            GroupedCalls build() {
                int customers = refs.size();
                contactsFrom.add(costing.size());
                // sorted in Java's order for the lookups; the database's collation may order them otherwise
                Integer[] order = new Integer[customers];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, Comparator.comparing(refs::get));
                String[] sortedRefs = new String[customers];
                int[] sortedSuccesses = new int[customers];
                int[] from = new int[customers + 1];
                byte[] sortedCosting = new byte[costing.size()];
                int[] sortedCounts = new int[costing.size()];
                int next = 0;
                for (int i = 0; i < customers; i++) {
                    int was = order[i];
                    sortedRefs[i] = refs.get(was);
                    sortedSuccesses[i] = successes.get(was);
                    from[i] = next;
                    for (int c = contactsFrom.get(was); c < contactsFrom.get(was + 1); c++) {
                        sortedCosting[next] = (byte) costing.get(c);
                        sortedCounts[next] = counts.get(c);
                        next++;
                    }
                }
                from[customers] = next;
                return new GroupedCalls(sortedRefs, sortedSuccesses, from, sortedCosting, sortedCounts,
                        costingNumbers.keySet().toArray(String[]::new));
            }
        }
    }
}
