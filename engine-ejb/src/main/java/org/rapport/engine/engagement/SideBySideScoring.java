package org.rapport.engine.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongConsumer;

import org.rapport.engine.concurrent.SideBySide;
import org.rapport.engine.kpi.EngagedContacts;

/**
 * Scores a run's customer ranges ({@link EngagementScoring#ranges}) side by side, each range page after page and each
 * page through {@link Pages} (in the server, a transaction of its own): the rules and the reading of a page take one
 * core, so ranges scored at once use the others. The pages' scores and contacts are the same whichever range scores a
 * customer. A range that fails stops any range not begun; the ranges begun are waited for and the first failure is
 * thrown as it was. One per scoring step.
 */
public final class SideBySideScoring {

    /** Scores one page of a range, from the customer after {@code after} on. */
    @FunctionalInterface
    public interface Pages {
        EngagementScoring.ScoredPage score(CustomerRange range, String after);
    }

    /**
     * What the step's pages scored.
     *
     * @param scores   the scores stored
     * @param contacts the month's contacts of the customers scored, for cost to serve by engagement
     */
    public record Scored(long scores, EngagedContacts contacts) {
    }

    private final SideBySide sideBySide;

    /** @param sideBySide ranges scored at once, each on a thread {@code threads} makes and a connection of its own */
    public SideBySideScoring(ThreadFactory threads, int sideBySide) {
        this.sideBySide = new SideBySide(threads, sideBySide);
    }

    /**
     * Scores every page of every range.
     *
     * @param progress told the customers scored so far, in all ranges, after each page
     */
    public Scored score(List<CustomerRange> ranges, Pages pages, LongConsumer progress) {
        Object counting = new Object();
        long[] scored = {0};
        List<EngagedContacts> byRange = new ArrayList<>();
        sideBySide.run(ranges, range -> {
            EngagedContacts contacts = new EngagedContacts();
            String after = range.after();
            while (true) {
                EngagementScoring.ScoredPage page = pages.score(range, after);
                contacts.addAll(page.contacts());
                synchronized (counting) {
                    scored[0] += page.scores();
                    progress.accept(scored[0]);
                }
                if (page.last()) {
                    break;
                }
                after = page.lastCustomer();
            }
            synchronized (counting) {
                byRange.add(contacts);
            }
        }, done -> { });
        EngagedContacts all = new EngagedContacts();
        synchronized (counting) {
            byRange.forEach(all::addAll);
            return new Scored(scored[0], all);
        }
    }
}
