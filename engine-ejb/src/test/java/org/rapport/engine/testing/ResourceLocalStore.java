package org.rapport.engine.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.intake.TransactionRunner;

/**
 * Rapport's persistence unit outside the server, on a datasource the test hands in: resource-local
 * transactions, the settings WildFly gives every unit, and work run each in a transaction of its own.
 * The one place tests open the unit; close it to release the database. Thread-safe: each transaction
 * has its own entity manager.
 */
public final class ResourceLocalStore implements TransactionRunner, AutoCloseable {

    private final EntityManagerFactory factory;

    private ResourceLocalStore(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** A fresh in-memory H2 database called {@code name}, its schema made by the migrations. */
    public static ResourceLocalStore inMemoryH2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return freshSchema(dataSource);
    }

    /**
     * The unit on {@code dataSource} after everything in the database was dropped: the migrations make the
     * schema from nothing and Hibernate validates the entities against it, as in the server.
     */
    public static ResourceLocalStore freshSchema(DataSource dataSource) {
        EmptyDatabase.empty(dataSource);
        return open(dataSource, Map.of());
    }

    /**
     * The unit on {@code dataSource}, its own settings (schema migrated, then validated) overridden by
     * {@code properties}.
     */
    public static ResourceLocalStore open(DataSource dataSource, Map<String, Object> properties) {
        // The unit names a JTA datasource by JNDI; outside the server the test hands in a real one.
        Map<String, Object> all = new HashMap<>();
        all.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        all.put("jakarta.persistence.jtaDataSource", dataSource);
        all.put("jakarta.persistence.nonJtaDataSource", dataSource);
        // as WildFly sets them for every persistence unit: a query only Hibernate accepts, or a parameter bound
        // with a type the query does not declare, fails here and not first in the server
        all.put("hibernate.query.jpaql_strict_compliance", "true");
        all.put("hibernate.jpa.compliance", "true");
        all.putAll(properties);
        return new ResourceLocalStore(Persistence.createEntityManagerFactory("rapport", all));
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    /** Runs {@code work} in one committed transaction and returns what it found; rolled back if it throws. */
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

    @Override
    public void close() {
        factory.close();
    }
}
