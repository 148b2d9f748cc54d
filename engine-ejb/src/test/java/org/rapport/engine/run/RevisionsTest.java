package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.snapshot.PackNotice;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** Re-runs of a published month: nothing new publishes nothing; new data makes a revision that says what changed. */
class RevisionsTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path packs;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReRunWithNothingNewIsUnchangedAndOneWithLateCallsRevisesThePublishedPack(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.response("A", "2026-10-02T10:00:00", 10, 5);
            for (int day = 1; day <= 10; day++) {
                facts.call("2026-10-%02dT09:00:00".formatted(day), 60, 30, ANSWERED, true);
            }
        });
        long first = measuredAndEvaluated();
        assertThat(compare(first)).as("a month never published is no revision").isEmpty();
        publish(first);

        long again = measuredAndEvaluated();
        assertThat(compare(again)).hasValueSatisfying(diff -> assertThat(diff.identical()).isTrue());
        assertThat(run(again).getStatus()).isEqualTo(RunStatus.UNCHANGED);
        assertThat(run(again).getRevisesRunId()).isEqualTo(first);

        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            for (int day = 20; day <= 24; day++) {
                facts.call("2026-10-%02dT11:00:00".formatted(day), 400, 0, ABANDONED_IN_IVR, true);
            }
        });
        long revised = measuredAndEvaluated();
        assertThat(compare(revised)).hasValueSatisfying(diff -> assertThat(diff.identical()).isFalse());
        assertThat(run(revised).getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run(revised).getRevisesRunId()).isEqualTo(first);

        PackNotice.Revision revision = database.read(entityManager -> steps(entityManager).snapshot(revised, "Acme"))
                .notice().revision();
        assertThat(revision.replacesRunId()).isEqualTo(first);
        assertThat(revision.revisedOn()).isEqualTo(LocalDate.now(Clock.systemUTC()));
        assertThat(revision.changes()).anySatisfy(change -> assertThat(change).startsWith("IVR abandonment: 0 → "));
    }

    private long measuredAndEvaluated() {
        long runId = database.read(entityManager -> steps(entityManager).create(OCTOBER, RunOrigin.INTAKE).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return runId;
    }

    private Optional<RevisionDiff> compare(long runId) {
        return database.read(entityManager -> steps(entityManager).compareWithPublished(runId));
    }

    private void publish(long runId) {
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
    }

    private Run run(long runId) {
        return database.read(entityManager -> entityManager.find(Run.class, runId));
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
