package org.rapport.engine.engagement;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallDays;
import org.rapport.engine.contact.CallScan;
import org.rapport.engine.contact.CallOutcome;

/**
 * Each customer's calls in a window that scoring pages read, grouped by outcome, whether the caller wanted an agent,
 * and channel — with how many of them fall in the month — kept in {@code call_profile} under a pass of its own, for
 * scoring pages to read their range of customers from. The pages read self-service successes (self-served calls of
 * callers who did not want an agent) over the window, and the month's answered or self-served calls (contacts to
 * price); abandoned calls and answered calls before the month are left out (a third of the groups of the benchmark's
 * one-month database; more where the window holds three months). One grouped statement over the window's calls
 * (read through their day index, or on H2 by a scan when the window holds most of them, {@link CallScan}) makes a pass, written in customer order so that its index grows at one end; this is
 * what lets the calls do without a customer index of their own, which costs H2 more than the rest of storing them
 * (V106).
 */
final class CallProfiles {

    private final EntityManager entityManager;

    CallProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Makes pass {@code pass} afresh from the calls started in [{@code from}, {@code end}); returns its rows. */
    int make(String pass, LocalDateTime from, LocalDateTime monthStart, LocalDateTime end) {
        drop(pass);
        CallDays days = CallDays.between(from, end);
        return days.bind(entityManager.createNativeQuery("""
                        insert into call_profile (pass, customer_ref, outcome, wanted_agent, channel, calls,
                                                  calls_in_month)
                        select :pass, c.customer_ref, c.outcome, c.wanted_agent, c.channel, count(*),
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
                .setParameter("pass", pass)
                .setParameter("monthStart", monthStart)
                .setParameter("from", from)
                .setParameter("end", end)
                .executeUpdate();
    }

    /**
     * The rows of pass {@code pass} whose customer sorts in ({@code after}, {@code last}]: customer, outcome (its
     * name), wanted agent, channel, calls in the window, calls in the month.
     */
    List<Object[]> range(String pass, String after, String last) {
        return entityManager.createNativeQuery("""
                        select p.customer_ref, p.outcome, p.wanted_agent, p.channel, p.calls, p.calls_in_month
                        from call_profile p
                        where p.pass = ? and p.customer_ref > ? and p.customer_ref <= ?""", Object[].class)
                .setParameter(1, pass)
                .setParameter(2, after)
                .setParameter(3, last)
                .getResultList();
    }

    void drop(String pass) {
        entityManager.createNativeQuery("delete from call_profile where pass = ?")
                .setParameter(1, pass)
                .executeUpdate();
    }
}
