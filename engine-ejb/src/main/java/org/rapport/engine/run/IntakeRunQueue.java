package org.rapport.engine.run;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.rapport.engine.intake.BatchStatus;

/**
 * The months intake-triggered runs still owe, kept in the database so that a restart or a
 * redeployment between a delivery and its run loses nothing: deliveries not yet planned are marked
 * {@code run_planned = false} from storage, planning puts the months they touch ({@link IntakeRunPlan})
 * in the queue and marks them, and a month leaves the queue when its run has been started.
 */
public class IntakeRunQueue {

    private final EntityManager entityManager;
    private final Clock clock;

    public IntakeRunQueue(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Queues the months the accepted, not yet planned deliveries touch and marks them planned; with a
     * {@code fixedMonth} (an installation that always runs one month) that month instead. Returns the
     * months queued.
     */
    public SortedSet<YearMonth> planNewDeliveries(Optional<YearMonth> fixedMonth) {
        List<Long> unplanned = unplanned(Integer.MAX_VALUE);
        if (unplanned.isEmpty()) {
            return new TreeSet<>();
        }
        SortedSet<YearMonth> months = fixedMonth.<SortedSet<YearMonth>>map(month -> new TreeSet<>(List.of(month)))
                .orElseGet(() -> monthsFor(unplanned));
        months.forEach(month -> {
            if (entityManager.find(QueuedMonth.class, month.toString()) == null) {
                entityManager.persist(new QueuedMonth(month, clock.instant()));
            }
        });
        entityManager.createQuery("update SourceBatch b set b.runPlanned = true where b.id in :planned")
                .setParameter("planned", unplanned)
                .executeUpdate();
        return months;
    }

    private SortedSet<YearMonth> monthsFor(List<Long> deliveries) {
        TouchedMonths touched = new TouchedMonths(entityManager);
        Map<Long, SortedSet<YearMonth>> byDelivery = touched.byDelivery(deliveries);
        SortedSet<YearMonth> all = new TreeSet<>();
        byDelivery.values().forEach(all::addAll);
        return IntakeRunPlan.monthsToRun(byDelivery.values(), touched.runBefore(all), touched.anyRunEver());
    }

    /** The oldest queued month, if any. */
    public Optional<YearMonth> next() {
        return entityManager.createQuery("select q from QueuedMonth q order by q.month", QueuedMonth.class)
                .setMaxResults(1).getResultStream().findFirst().map(QueuedMonth::month);
    }

    /** Takes {@code month} out of the queue: its run has started, or a run in progress will read the new data. */
    public void remove(YearMonth month) {
        QueuedMonth queued = entityManager.find(QueuedMonth.class, month.toString());
        if (queued != null) {
            entityManager.remove(queued);
        }
    }

    /** Whether anything is owed: a delivery not yet planned or a month not yet started. */
    public boolean hasWork() {
        return next().isPresent() || !unplanned(1).isEmpty();
    }

    /** Up to {@code limit} accepted deliveries whose months are not queued yet, oldest first. */
    private List<Long> unplanned(int limit) {
        return entityManager.createQuery(
                        "select b.id from SourceBatch b where b.runPlanned = false and b.status = :accepted order by b.id",
                        Long.class)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setMaxResults(limit)
                .getResultList();
    }
}
