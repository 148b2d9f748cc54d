package org.rapport.engine.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.AffectedFigures;
import org.rapport.engine.readiness.ReadinessRules;
import org.rapport.engine.snapshot.PackNotice;

/**
 * What a run's pack must say on its cover: that it revises the published pack of its month (and what
 * changed), and that it went ahead without complete data (forced, or past its deadline) and which
 * figures that touches. Read from what the run recorded, so rendering again says the same.
 */
class PackNotices {

    private final EntityManager entityManager;
    private final RunSteps steps;

    PackNotices(EntityManager entityManager, RunSteps steps) {
        this.entityManager = entityManager;
        this.steps = steps;
    }

    PackNotice of(Run run) {
        return new PackNotice(revision(run), incomplete(run));
    }

    private PackNotice.Revision revision(Run run) {
        if (run.getRevisesRunId() == null || run.getStatus() == RunStatus.UNCHANGED) {
            return null;
        }
        long replaced = run.getRevisesRunId();
        Instant publishedAt = entityManager.createQuery(
                        "select p.publishedAt from BoardPack p where p.run.id = :run", Instant.class)
                .setParameter("run", replaced).getResultStream().findFirst().orElse(null);
        return new PackNotice.Revision(replaced, day(publishedAt), day(run.getStartedAt()),
                steps.diff(replaced, run.getId()).lines());
    }

    private PackNotice.Incomplete incomplete(Run run) {
        if (!run.isIncomplete() && run.getForcedBy() == null) {
            return null;
        }
        List<String> missing = run.getWaitingFor() == null ? List.of()
                : Arrays.stream(run.getWaitingFor().split("\n")).filter(line -> !line.isBlank()).toList();
        Set<String> sources = missing.stream().map(line -> line.split(": ", 2)[0]).collect(Collectors.toSet());
        List<SourceKind> kinds = sources.isEmpty() ? List.of() : entityManager.createQuery(
                        "select distinct b.kind from SourceBatch b where b.source in :sources", SourceKind.class)
                .setParameter("sources", sources).getResultList();
        List<String> stored = entityManager.createQuery(
                        "select distinct k.code from KpiValue k where k.run.id = :run order by k.code", String.class)
                .setParameter("run", run.getId()).getResultList();
        return new PackNotice.Incomplete(run.getForcedBy(), missing,
                AffectedFigures.of(kinds, sources.contains(ReadinessRules.ANY_SOURCE), stored));
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
