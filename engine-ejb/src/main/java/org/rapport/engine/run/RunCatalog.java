package org.rapport.engine.run;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.requests.RecurringRequests;
import org.rapport.engine.requests.RequestThemeLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.RunSnapshotReader;

/** Read access to runs, their figures and their packs, for the API. */
@Stateless
public class RunCatalog {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Inject
    private RapportSettings settings;

    @Inject
    private RunProgress progress;

    @jakarta.ejb.EJB
    private org.rapport.engine.ruleset.RuleEngine ruleEngine;

    @Inject
    private jakarta.enterprise.inject.Instance<PackRenderer> renderer;

    /** Whether any run is working now: measuring, scoring, rendering or publishing. */
    public boolean anyWorking() {
        return entityManager.createQuery("select count(r) from Run r where r.status = :running", Long.class)
                .setParameter("running", RunStatus.RUNNING)
                .getSingleResult() > 0;
    }

    /** Newest first. */
    public List<RunSummary> list() {
        Set<Long> published = Set.copyOf(entityManager.createQuery(
                "select p.run.id from BoardPack p where p.publishedAt is not null", Long.class).getResultList());
        return entityManager.createQuery(
                        "select r from Run r join fetch r.ruleSetVersion order by r.id desc", Run.class)
                .getResultStream()
                .map(run -> summary(run, published.contains(run.getId())))
                .toList();
    }

    /** One run, without listing the others. */
    public Optional<RunSummary> summary(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            return Optional.empty();
        }
        boolean published = entityManager.createQuery(
                        "select count(p) from BoardPack p where p.run.id = :run and p.publishedAt is not null",
                        Long.class)
                .setParameter("run", runId).getSingleResult() > 0;
        return Optional.of(summary(run, published));
    }

    private RunSummary summary(Run run, boolean published) {
        return new RunSummary(run.getId(), run.getMonth().toString(), run.getStatus().name(),
                run.getRuleSetVersion().describe(), run.getStartedAt(), run.getFinishedAt(), run.getFailure(),
                published, run.getCurrentStep() == null ? null : run.getCurrentStep().name(),
                run.getCompletedStep() == null ? null : run.getCompletedStep().name(),
                progress.customersScored(run.getId()), run.getOrigin().name(),
                run.getWaitingFor() == null ? List.of()
                        : java.util.Arrays.stream(run.getWaitingFor().split("\n")).filter(line -> !line.isBlank()).toList(),
                run.getForcedBy(), run.isIncomplete(), run.getRevisesRunId());
    }

    /** What the run's pack shows: the archived snapshot once rendered, the stored figures before. */
    public Optional<RunSnapshot> snapshot(long runId) {
        if (entityManager.find(Run.class, runId) == null) {
            return Optional.empty();
        }
        Optional<String> archived = entityManager.createQuery(
                        "select p.snapshotJson from BoardPack p where p.run.id = :run", String.class)
                .setParameter("run", runId).getResultStream().filter(java.util.Objects::nonNull).findFirst();
        return Optional.of(archived.map(SnapshotArchive::fromJson)
                .orElseGet(() -> new RunSnapshotReader(entityManager).read(runId, settings.companyName())));
    }

    /**
     * Renders a published month again from its archived snapshot — the same figures as the day it
     * was published, whatever has arrived since. Not stored: the archived PDF stays the record.
     */
    public Optional<byte[]> renderAgain(long runId) {
        return entityManager.createQuery(
                        "select p.snapshotJson from BoardPack p where p.run.id = :run and p.publishedAt is not null",
                        String.class)
                .setParameter("run", runId).getResultStream().filter(java.util.Objects::nonNull).findFirst()
                .map(json -> renderer.get().render(SnapshotArchive.fromJson(json)));
    }

    /**
     * Run {@code runId} worked out again from the stored facts with the rule-set version it recorded:
     * empty differences when it is reproduced. Only reads.
     */
    public Optional<RunReplay.Replay> replay(long runId) {
        if (entityManager.find(Run.class, runId) == null) {
            return Optional.empty();
        }
        return Optional.of(new RunReplay(entityManager, ruleEngine, settings.contactCosts()).replay(runId));
    }

    /** The request themes run {@code runId} counted, most mentioned first; empty for an unknown run. */
    public List<RequestThemeLine> requestThemes(long runId) {
        return new RecurringRequests(entityManager).of(runId);
    }

    public Optional<byte[]> pack(long runId) {
        return entityManager.createQuery(
                        "select p from BoardPack p where p.run.id = :run and p.publishedAt is not null", BoardPack.class)
                .setParameter("run", runId)
                .getResultStream()
                .findFirst()
                .map(BoardPack::getPdf);
    }
}
