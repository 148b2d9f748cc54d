package org.rapport.engine.readiness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.ReadinessRules.SourceDeliveries;

/**
 * Whether a month's data is complete enough to publish, from the ledger of accepted deliveries, the
 * integration team's marks and the installation's {@link ReadinessPolicy}; and those marks.
 */
@Stateless
public class Readiness {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Inject
    private ReadinessPolicy policy;

    @Inject
    private IntakeActivity intake;

    /** Where {@code month} stands now. */
    public MonthReadiness check(YearMonth month) {
        return new ReadinessRules(policy::ruleOf).check(month, delivered(), marks(month), beingStored());
    }

    /**
     * The files this node's intake is storing now, and every file whose batch is still being made a part at a
     * time: the latter may have been left by a process that stopped between two parts, which no node is storing
     * until the file is delivered again, but whose written part a run would measure without the rest.
     */
    private List<String> beingStored() {
        SortedSet<String> files = new TreeSet<>(intake.beingStored());
        files.addAll(new IntakeCatalog(entityManager).filesBeingStored());
        return List.copyOf(files);
    }

    /** The month's deadline and what the installation does when it passes. */
    public Instant deadline(YearMonth month) {
        return policy.deadline(month);
    }

    public AfterDeadline afterDeadline() {
        return policy.afterDeadline();
    }

    /** Records the integration team's word on {@code source} for {@code month}, replacing an earlier one. */
    public void mark(YearMonth month, String source, MarkKind mark, String by) {
        Instant now = Clock.systemUTC().instant();
        find(month, source).ifPresentOrElse(existing -> existing.change(mark, by, now),
                () -> entityManager.persist(new MonthMark(month, source, mark, by, now)));
    }

    /** Withdraws the mark on {@code source} for {@code month}; false when there was none. */
    public boolean unmark(YearMonth month, String source) {
        Optional<MonthMark> existing = find(month, source);
        existing.ifPresent(entityManager::remove);
        return existing.isPresent();
    }

    /** The sources the ledger knows: every one with an accepted delivery. */
    public List<String> knownSources() {
        return entityManager.createQuery("select distinct b.source from SourceBatch b where b.status = :accepted"
                        + " order by b.source", String.class)
                .setParameter("accepted", BatchStatus.ACCEPTED).getResultList();
    }

    private Map<String, SourceDeliveries> delivered() {
        List<Object[]> rows = entityManager.createQuery("""
                        select b.source, b.kind, b.receivedAt, b.newestRecordAt from SourceBatch b
                        where b.status = :accepted order by b.source, b.id""", Object[].class)
                .setParameter("accepted", BatchStatus.ACCEPTED).getResultList();
        Map<String, List<Object[]>> bySource = rows.stream()
                .collect(Collectors.groupingBy(row -> (String) row[0], LinkedHashMap::new, Collectors.toList()));
        Map<String, SourceDeliveries> delivered = new LinkedHashMap<>();
        bySource.forEach((source, batches) -> delivered.put(source, new SourceDeliveries((SourceKind) batches.get(0)[1],
                batches.stream().map(row -> new Delivered((Instant) row[2],
                        row[3] == null ? null : ((LocalDateTime) row[3]).toLocalDate())).toList())));
        return delivered;
    }

    private Map<String, MarkKind> marks(YearMonth month) {
        return entityManager.createQuery("select m from MonthMark m where m.month = :month", MonthMark.class)
                .setParameter("month", month.toString()).getResultStream()
                .collect(Collectors.toMap(MonthMark::getSource, MonthMark::getMark));
    }

    private Optional<MonthMark> find(YearMonth month, String source) {
        return entityManager.createQuery("select m from MonthMark m where m.month = :month and m.source = :source",
                        MonthMark.class)
                .setParameter("month", month.toString()).setParameter("source", source)
                .getResultStream().findFirst();
    }
}
