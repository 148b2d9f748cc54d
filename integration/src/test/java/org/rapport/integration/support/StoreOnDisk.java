package org.rapport.integration.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.intake.TransactionRunner;

/**
 * The embedded default's store outside the server: H2 in a file, as the bootable jar keeps it under its
 * data folder, with Rapport's own persistence unit on resource-local transactions. For tests that need a
 * database surviving a process, and for benchmarks. Close it to release the file.
 */
public final class StoreOnDisk implements TransactionRunner, AutoCloseable {

    private final EntityManagerFactory factory;

    private StoreOnDisk(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Opens (creating it if needed) the database whose files start with {@code database}, e.g. {@code db/rapport}. */
    public static StoreOnDisk open(Path database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        // the same URL options as the server's datasource (web/src/main/wildfly/rapport-datasource.cli)
        dataSource.setURL("jdbc:h2:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        // as WildFly sets it for every persistence unit
        properties.put("hibernate.query.jpaql_strict_compliance", "true");
        properties.put("hibernate.jpa.compliance", "true");
        properties.put("jakarta.persistence.jtaDataSource", dataSource);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        return new StoreOnDisk(Persistence.createEntityManagerFactory("rapport", properties));
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
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

    /** How many rows of an entity the store holds, e.g. {@code count("Call")}. */
    public long count(String entity) {
        return inNewTransaction(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }

    @Override
    public void close() {
        factory.close();
    }
}
