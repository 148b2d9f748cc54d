package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.outage.InfrastructureRetries;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.engine.testing.StoppablePostgres;

/**
 * A monthly run while PostgreSQL is stopped and started again: the run waits, resumes from its last completed
 * step, and publishes once; it is never marked failed for the outage. The steps run as {@link RunService} runs
 * them (one transaction each, committed with the checkpoint), outside the server.
 */
class RunOutageTest {

    private static final RuleEngine RULES = new RuleEngine();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final List<RunStep> UP_TO_PUBLISH = List.of(RunStep.CLOSE_INTAKE, RunStep.MEASURE, RunStep.SCORE,
            RunStep.EVALUATE, RunStep.RENDER, RunStep.PUBLISH);

    @TempDir
    Path root;

    private StoppablePostgres postgres;
    private ResourceLocalStore store;
    private Path packs;

    @BeforeEach
    void october() throws IOException {
        postgres = StoppablePostgres.start(root.resolve("pgdata"));
        store = ResourceLocalStore.freshSchema(postgres.dataSource());
        packs = Files.createDirectories(root.resolve("packs"));
        store.inNewTransaction(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.response("A", "2026-10-02T10:00:00", 10, 5);
            for (int day = 1; day <= 10; day++) {
                facts.call("2026-10-%02dT09:00:00".formatted(day), 300, 600, ANSWERED, true);
            }
            return null;
        });
    }

    @AfterEach
    void stop() {
        store.close();
        postgres.close();
    }

    @Test
    void theDatabaseStoppedMidStepAndStartedAgainLeavesTheRunResumedAndPublishedOnce() throws Exception {
        long runId = newRun();
        long retriesBefore = InfrastructureRetries.count("run");
        AtomicBoolean stopped = new AtomicBoolean();
        StepOutageWait wait = new StepOutageWait(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofHours(1));
        // started again once the run has been seen to wait through two more attempts
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            awaitUntil(stopped::get);
            awaitUntil(() -> InfrastructureRetries.count("run") >= retriesBefore + 2);
            postgres.start();
        });

        for (RunStep step : UP_TO_PUBLISH) {
            wait.perform(runId, step, () -> attempt(runId, step, () -> {
                if (step == RunStep.MEASURE && stopped.compareAndSet(false, true)) {
                    postgres.stop(); // mid-step: the measures are done, the transaction is not committed
                }
            }));
        }
        restart.get(1, TimeUnit.MINUTES);

        Run run = store.inNewTransaction(entityManager -> entityManager.find(Run.class, runId));
        assertThat(run.getStatus()).isEqualTo(RunStatus.PUBLISHED);
        assertThat(run.getFailure()).isNull();
        assertThat(run.getCompletedStep()).isEqualTo(RunStep.PUBLISH);
        assertThat(InfrastructureRetries.count("run") - retriesBefore).isGreaterThanOrEqualTo(2);
        try (Stream<Path> files = Files.list(packs)) {
            assertThat(files).singleElement().satisfies(file ->
                    assertThat(file.getFileName().toString()).isEqualTo(PackFiles.fileName(run.getMonth(), runId)));
        }
        assertThat(count("select count(p) from BoardPack p")).isEqualTo(1);
        long kpis = count("select count(k) from KpiValue k");
        assertThat(kpis).isPositive().as("no figure stored twice").isEqualTo(count(
                "select count(distinct concat(k.code, '|', k.dimension)) from KpiValue k"));
    }

    @Test
    void anOutageLongerThanTheLongestWaitStopsTheStepButLeavesTheRunResumable() {
        long runId = newRun();
        StepOutageWait wait = new StepOutageWait(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300));
        postgres.stop();

        assertThatThrownBy(() -> wait.perform(runId, RunStep.CLOSE_INTAKE,
                () -> attempt(runId, RunStep.CLOSE_INTAKE, () -> { })))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);

        postgres.start();
        Run run = store.inNewTransaction(entityManager -> entityManager.find(Run.class, runId));
        assertThat(run.getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.getCompletedStep()).isNull();
    }

    @Test
    void aFailureOfTheStepItselfIsNotWaitedFor() {
        long runId = newRun();
        StepOutageWait wait = new StepOutageWait(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofHours(1));
        int[] attempts = {0};

        assertThatThrownBy(() -> wait.perform(runId, RunStep.RENDER, () -> {
            attempts[0]++;
            throw new PackRenderingException("template broken", null);
        })).isInstanceOf(PackRenderingException.class);
        assertThat(attempts[0]).isEqualTo(1);
    }

    private long newRun() {
        return store.inNewTransaction(entityManager -> steps(entityManager)
                .create(YearMonth.of(2026, 10), RunOrigin.SCHEDULE).getId());
    }

    /** One attempt at a step, as RunService makes it: skipped when done, committed with its checkpoint. */
    private void attempt(long runId, RunStep step, Runnable beforeCommit) {
        store.inNewTransaction(entityManager -> {
            RunSteps steps = steps(entityManager);
            Run run = steps.run(runId);
            if (run.hasCompleted(step)) {
                return null;
            }
            switch (step) {
                case CLOSE_INTAKE -> steps.closeIntake(runId);
                case MEASURE -> steps.measure(runId);
                case SCORE -> steps.score(runId, scored -> { });
                case EVALUATE -> steps.evaluate(runId);
                case RENDER -> steps.storeRendered(runId, "%PDF-1.7 a pack".getBytes(), steps.snapshot(runId, "Acme"));
                case PUBLISH -> steps.publish(runId, packs);
                case DISTRIBUTE -> throw new IllegalArgumentException("not distributed here");
            }
            beforeCommit.run();
            run.completed(step);
            return null;
        });
    }

    private long count(String query) {
        return store.<Long>inNewTransaction(entityManager -> entityManager.createQuery(query, Long.class)
                .getSingleResult());
    }

    private static RunSteps steps(jakarta.persistence.EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Still waiting after " + WAIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
