package org.rapport.integration.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.intake.TransactionRunner;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * The embedded default's store outside the server: H2 in a file, as the bootable jar keeps it under its
 * data folder, with Rapport's own persistence unit on resource-local transactions. For tests that need a
 * database surviving a process, and for benchmarks. Close it to release the file.
 */
public final class StoreOnDisk implements TransactionRunner, AutoCloseable {

    private final ResourceLocalStore store;

    private StoreOnDisk(ResourceLocalStore store) {
        this.store = store;
    }

    /** Opens (creating it if needed) the database whose files start with {@code database}, e.g. {@code db/rapport}. */
    public static StoreOnDisk open(Path database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        // the same URL options as the server's datasource (web/src/main/wildfly/rapport-datasource.cli)
        dataSource.setURL("jdbc:h2:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        // the unit's own settings, as in the server: the migrations bring the schema up to date, Hibernate validates it
        return new StoreOnDisk(ResourceLocalStore.open(dataSource, Map.of()));
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return store.inNewTransaction(work);
    }

    /** How many rows of an entity the store holds, e.g. {@code count("Call")}. */
    public long count(String entity) {
        return inNewTransaction(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }

    @Override
    public void close() {
        store.close();
    }
}
