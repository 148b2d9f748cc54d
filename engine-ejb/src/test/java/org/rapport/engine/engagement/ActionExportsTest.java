package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.Run;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.facts.ActionKind;

/** The action lists the CRM receives after a run, and the ledger of their exports. */
class ActionExportsTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPublishedRunsActionsAwaitEachDestinationUntilAnExportIsRecorded(TestDatabase database) {
        on(database);
        long[] runs = database.read(entityManager -> {
            EngagementFixtures fixtures = new EngagementFixtures(entityManager);
            RuleSetVersion rules = fixtures.rules();
            Run published = fixtures.run(rules, YearMonth.of(2026, 10), "PUBLISHED");
            Run running = fixtures.run(rules, YearMonth.of(2026, 11), "RUNNING");
            entityManager.persist(new CustomerActionRecord(published.getId(), "C-2", ActionKind.DETRACTOR_CALL_BACK,
                    "NPS 3 given 4 days before month end, not called back"));
            entityManager.persist(new CustomerActionRecord(published.getId(), "C-1", ActionKind.ADVOCATE_INVITE,
                    "Advocate with engagement index 91 and NPS 10"));
            entityManager.persist(new CustomerActionRecord(running.getId(), "C-3", ActionKind.INDEX_FELL_SHARPLY,
                    "Engagement index fell from 70 to 40 (-30 points)"));
            return new long[] {published.getId(), running.getId()};
        });

        assertThat(awaiting(ActionExportDestination.FILE)).as("a run still running exports nothing yet")
                .containsExactly(runs[0]);
        ActionList list = database.read(entityManager -> exports(entityManager).actionList(runs[0]));
        assertThat(list.month()).isEqualTo("2026-10");
        assertThat(list.actions()).containsExactly(new ActionList.Action("C-1", "ADVOCATE_INVITE"),
                new ActionList.Action("C-2", "DETRACTOR_CALL_BACK"));

        database.write(entityManager -> exports(entityManager).recordExport(runs[0], ActionExportDestination.FILE,
                "/outbox/rapport-actions-2026-10-run-" + runs[0] + ".csv", 2, true, 1, null));
        database.write(entityManager -> exports(entityManager).recordExport(runs[0], ActionExportDestination.REST,
                "http://crm.example/actions", 2, false, 4, "HTTP 503"));

        assertThat(awaiting(ActionExportDestination.FILE)).isEmpty();
        assertThat(awaiting(ActionExportDestination.REST)).as("a failed export is reported, not retried for ever")
                .isEmpty();
        List<ActionExportLine> ledger = database.read(entityManager -> exports(entityManager).exports(runs[0]));
        assertThat(ledger).extracting(ActionExportLine::destination, ActionExportLine::actions,
                        ActionExportLine::delivered, ActionExportLine::attempts, ActionExportLine::failure)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ActionExportDestination.FILE, 2, true, 1, null),
                        org.assertj.core.groups.Tuple.tuple(ActionExportDestination.REST, 2, false, 4, "HTTP 503"));
        assertThat(ledger).allSatisfy(line -> assertThat(line.exportedAt()).isNotNull());
    }

    private List<Long> awaiting(ActionExportDestination destination) {
        return database.read(entityManager -> exports(entityManager).runsAwaitingExport(destination));
    }

    private static ActionExports exports(EntityManager entityManager) {
        return new ActionExports(entityManager, Clock.systemUTC());
    }
}
