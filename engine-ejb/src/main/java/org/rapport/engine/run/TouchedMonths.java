package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

/**
 * The months whose figures new deliveries can have changed: the months their calls, survey answers,
 * purchases and service cases are dated in. A customer file has no month of its own (it changes
 * segments and churn everywhere), so it stands for the latest month with contact data. Reads one
 * grouped query per fact table, never the rows themselves.
 */
public class TouchedMonths {

    private static final List<String> DATED_FACTS = List.of(
            "select distinct r.batch.id, extract(year from r.startedAt), extract(month from r.startedAt) from Call r",
            "select distinct r.batch.id, extract(year from r.respondedAt), extract(month from r.respondedAt) from SurveyResponse r",
            "select distinct r.batch.id, extract(year from r.purchasedOn), extract(month from r.purchasedOn) from Purchase r",
            "select distinct r.batch.id, extract(year from r.openedAt), extract(month from r.openedAt) from ServiceCase r");

    private final EntityManager entityManager;

    public TouchedMonths(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The months the records of {@code batchIds} fall in, oldest first. */
    public SortedSet<YearMonth> of(Collection<Long> batchIds) {
        SortedSet<YearMonth> months = new TreeSet<>();
        byDelivery(batchIds).values().forEach(months::addAll);
        return months;
    }

    /** For each of {@code batchIds} that touches a month, the months its records fall in, oldest first. */
    public Map<Long, SortedSet<YearMonth>> byDelivery(Collection<Long> batchIds) {
        Map<Long, SortedSet<YearMonth>> months = new TreeMap<>();
        if (batchIds.isEmpty()) {
            return months;
        }
        for (String query : DATED_FACTS) {
            entityManager.createQuery(query + " where r.batch.id in :batches", Object[].class)
                    .setParameter("batches", batchIds)
                    .getResultStream()
                    .filter(row -> row[1] != null && row[2] != null)
                    .forEach(row -> months.computeIfAbsent(((Number) row[0]).longValue(), batch -> new TreeSet<>())
                            .add(YearMonth.of(((Number) row[1]).intValue(), ((Number) row[2]).intValue())));
        }
        List<Long> customerFiles = customerFiles(batchIds);
        if (!customerFiles.isEmpty()) {
            new LatestMonth(entityManager).find().ifPresent(latest -> customerFiles
                    .forEach(batch -> months.computeIfAbsent(batch, any -> new TreeSet<>()).add(latest)));
        }
        return months;
    }

    /** The months of {@code months} that have been run before (whatever became of the run). */
    public SortedSet<YearMonth> runBefore(Collection<YearMonth> months) {
        SortedSet<YearMonth> run = new TreeSet<>();
        if (months.isEmpty()) {
            return run;
        }
        entityManager.createQuery("select distinct r.month from Run r where r.month in :months", String.class)
                .setParameter("months", months.stream().map(YearMonth::toString).toList())
                .getResultStream().map(YearMonth::parse).forEach(run::add);
        return run;
    }

    /** Whether any month has ever been run here: before the first, a delivery is the installation's history. */
    public boolean anyRunEver() {
        return entityManager.createQuery("select count(r) from Run r", Long.class).getSingleResult() > 0;
    }

    private List<Long> customerFiles(Collection<Long> batchIds) {
        return entityManager.createQuery(
                        "select b.id from SourceBatch b where b.id in :batches and b.kind = :customers", Long.class)
                .setParameter("batches", batchIds)
                .setParameter("customers", org.rapport.engine.intake.SourceKind.CUSTOMERS)
                .getResultList();
    }
}
