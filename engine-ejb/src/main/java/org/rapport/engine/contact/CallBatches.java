package org.rapport.engine.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.rapport.engine.intake.BatchStatus;

/**
 * The accepted batches that hold a call started in a range of times: a run's lineage of calls. Read a batch at a time
 * through the calls' day-and-batch index (V111) — for each day, the lowest batch above the one found last — so that
 * the work grows with the days and the batches that delivered calls on them, not with the calls: listing them as the
 * distinct batches of the range's calls fetched every call (3.0 s for a million on H2).
 */
public final class CallBatches {

    private final EntityManager entityManager;

    public CallBatches(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The accepted batches holding a call started in [{@code start}, {@code end}), in ascending order. */
    public List<Long> startedBetween(LocalDateTime start, LocalDateTime end) {
        CallDays days = CallDays.between(start, end);
        SortedSet<Long> found = new TreeSet<>();
        for (LocalDate day = days.first(); !day.isAfter(days.last()); day = day.plusDays(1)) {
            // a day partly outside the range (its first or last) counts a batch only for a call inside it
            boolean whole = !day.atStartOfDay().isBefore(start) && !day.plusDays(1).atStartOfDay().isAfter(end);
            Long batch = firstFrom(day, Long.MIN_VALUE);
            while (batch != null) {
                if (whole || startedOn(day, batch, start, end)) {
                    found.add(batch);
                }
                batch = firstFrom(day, batch + 1);
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select b.id from SourceBatch b where b.id in :ids and b.status = :accepted"
                        + " order by b.id", Long.class)
                .setParameter("ids", found)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .getResultList();
    }

    /** The lowest batch from {@code from} on that holds a call started on {@code day}; null when there is none. */
    private Long firstFrom(LocalDate day, long from) {
        // the index's order, first entry only: a seek. "> after" would start at after's own entries and step over
        // them one by one on H2, and min() may read every entry of the day
        List<Long> first = entityManager.createQuery("select c.batch.id from Call c where c.startedOn = :day"
                        + " and c.batch.id >= :from order by c.startedOn, c.batch.id", Long.class)
                .setParameter("day", day)
                .setParameter("from", from)
                .setMaxResults(1)
                .getResultList();
        return first.isEmpty() ? null : first.get(0);
    }

    private boolean startedOn(LocalDate day, long batch, LocalDateTime start, LocalDateTime end) {
        return !entityManager.createQuery("select c.id from Call c where c.startedOn = :day and c.batch.id = :batch"
                        + " and c.startedAt >= :start and c.startedAt < :end", Long.class)
                .setParameter("day", day)
                .setParameter("batch", batch)
                .setParameter("start", start)
                .setParameter("end", end)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
