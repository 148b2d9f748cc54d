package org.rapport.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.action.ActionLine;
import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.action.ActionTracker;
import org.rapport.engine.publish.DeliveryChannel;
import org.rapport.engine.publish.PackDelivery;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.BoardPack;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunStatus;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * A database the previous release made and filled (test resources: previous-release) is migrated when this
 * release opens it, and then read and worked on by this release's code.
 */
class UpgradeFromPreviousReleaseTest {

    private static final RuleEngine RULES = new RuleEngine();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path packs;

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aMonthStoredByThePreviousReleaseIsKeptAndUsable(FreshDatabase database) {
        DataSource dataSource = previousRelease(database);

        try (ResourceLocalStore store = ResourceLocalStore.open(dataSource, Map.of())) {
            // baselined at version 1 (the tables were there), then migrated
            assertThat(SchemaMigrationsTest.history(dataSource))
                    .containsExactlyElementsOf(SchemaMigrationsTest.everyVersionApplied());
            assertThat(SchemaMigrationsTest.count(dataSource, "\"flyway_schema_history\" where \"type\" = 'BASELINE'"))
                    .isEqualTo(1);

            Run october = store.inNewTransaction(entityManager -> entityManager
                    .createQuery("select r from Run r", Run.class).getSingleResult());
            assertThat(october.getMonth()).isEqualTo(OCTOBER);
            assertThat(october.getStatus()).isEqualTo(RunStatus.PUBLISHED);
            assertThat(october.getOrigin()).isEqualTo(RunOrigin.SCHEDULE);
            long runId = october.getId();

            store.inNewTransaction(entityManager -> {
                RuleSetVersion active = new RuleSetStore(entityManager, Clock.systemUTC()).activeOrSeedDefault();
                assertThat(active.getStatus()).isEqualTo(RuleSetStatus.ACTIVE);
                assertThat(active.getId()).isEqualTo(october.getRuleSetVersion().getId());
                assertThat(active.getFiles()).hasSize(19).allSatisfy(file -> assertThat(file.getContent()).isNotEmpty());

                BoardPack pack = entityManager.createQuery("select p from BoardPack p", BoardPack.class)
                        .getSingleResult();
                assertThat(new String(pack.getPdf(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 fixture");
                assertThat(pack.getSnapshotJson()).contains("Acme");
                RunSnapshot snapshot = steps(entityManager).snapshot(runId, "Acme");
                assertThat(snapshot.kpis()).isNotEmpty();

                assertThat(new ActionTracker(entityManager, Clock.systemUTC()).actionsOf(runId)).hasSize(9)
                        .extracting(ActionLine::status).containsOnlyOnce(ActionStatus.IN_PROGRESS);
                return null;
            });
            assertThat(SchemaMigrationsTest.count(dataSource, "kpi_value")).isEqualTo(153);
            assertThat(SchemaMigrationsTest.count(dataSource, "customer_score")).isEqualTo(37);
            assertThat(SchemaMigrationsTest.count(dataSource, "customer_action")).isEqualTo(24);
            assertThat(SchemaMigrationsTest.count(dataSource, "call_record")).isEqualTo(200);
            assertThat(SchemaMigrationsTest.count(dataSource, "source_batch")).isEqualTo(2);

            // a new run over the same month: the upgraded database takes new rows and gives the same results
            long rerun = measuredEvaluatedAndPublished(store);
            assertThat(SchemaMigrationsTest.count(dataSource, "kpi_value where run_id = " + rerun)).isEqualTo(153);
            assertThat(SchemaMigrationsTest.count(dataSource, "improvement_trigger where run_id = " + rerun))
                    .isEqualTo(9);
            assertThat(SchemaMigrationsTest.count(dataSource, "board_pack")).isEqualTo(2);
        }
        // and a value a later release adds to an enum-like column fits without a migration
        FreshDatabase.execute(dataSource, "update pack_delivery set channel = 'WEBDAV', status = 'QUEUED'");
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aDatabaseMadeBeforeTheSftpChannelStoresSftpDeliveriesOnceUpgraded(FreshDatabase database) {
        DataSource dataSource = previousRelease(database);
        // as hbm2ddl=update left a database created before SFTP existed: it never widens an enum's values
        if (database == FreshDatabase.H2) {
            FreshDatabase.execute(dataSource,
                    "alter table pack_delivery alter column channel set data type enum ('EMAIL', 'FOLDER')");
        } else {
            FreshDatabase.execute(dataSource, "alter table pack_delivery drop constraint pack_delivery_channel_check",
                    "alter table pack_delivery add constraint channel_before_sftp check (channel in ('EMAIL', 'FOLDER'))");
        }

        try (ResourceLocalStore store = ResourceLocalStore.open(dataSource, Map.of())) {
            store.inNewTransaction(entityManager -> {
                Run october = entityManager.createQuery("select r from Run r", Run.class).getSingleResult();
                entityManager.persist(new PackDelivery(october, DeliveryChannel.SFTP, "sftp://packs.example.org/packs"));
                return null;
            });
        }
        assertThat(SchemaMigrationsTest.count(dataSource, "pack_delivery where channel = 'SFTP'")).isEqualTo(1);
    }

    /** A new database as the previous release left it: its schema, then a month of its data. */
    static DataSource previousRelease(FreshDatabase database) {
        DataSource dataSource = database.create();
        FreshDatabase.runScript(dataSource, "previous-release/" + database.vendor() + "/schema.sql");
        FreshDatabase.runScript(dataSource, "previous-release/" + database.vendor() + "/data.sql");
        return dataSource;
    }

    private long measuredEvaluatedAndPublished(ResourceLocalStore store) {
        long runId = store.inNewTransaction(entityManager -> steps(entityManager).create(OCTOBER, RunOrigin.ON_DEMAND)
                .getId());
        store.inNewTransaction(entityManager -> {
            steps(entityManager).closeIntake(runId);
            return null;
        });
        store.inNewTransaction(entityManager -> {
            steps(entityManager).measure(runId);
            return null;
        });
        store.inNewTransaction(entityManager -> steps(entityManager).score(runId, scored -> { }));
        store.inNewTransaction(entityManager -> {
            steps(entityManager).evaluate(runId);
            return null;
        });
        store.inNewTransaction(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        store.inNewTransaction(entityManager -> steps(entityManager).publish(runId, packs));
        return runId;
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
