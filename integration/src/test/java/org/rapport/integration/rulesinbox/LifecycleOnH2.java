package org.rapport.integration.rulesinbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.ruleset.RuleInbox;
import org.rapport.engine.ruleset.RuleSetActivation;
import org.rapport.engine.ruleset.RuleSetLifecycle;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetSubmission;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleSetCompiler;

/**
 * The engine's real rule lifecycle on a real H2 database, behind the {@link RuleInbox} interface the
 * routes call: what the {@code RuleSets} EJB does, each call in a transaction of its own, without the
 * container. A fresh in-memory database per instance. Thread-safe: each call has its own entity manager.
 */
final class LifecycleOnH2 implements RuleInbox, AutoCloseable {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private final EntityManagerFactory factory;

    LifecycleOnH2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", dataSource);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("hibernate.hbm2ddl.auto", "create-drop");
        factory = Persistence.createEntityManagerFactory("rapport", properties);
    }

    @Override
    public RuleSetSubmission submit(List<RuleFileSource> files, boolean activateWhenValid) {
        return inTransaction(entityManager -> lifecycle(entityManager).submit(files, AUTHOR, activateWhenValid));
    }

    /** The active version's id; the default rule set is seeded on first use, as on a first start. */
    long active() {
        return inTransaction(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
    }

    RuleSetStatus status(long versionId) {
        return inTransaction(entityManager -> entityManager.find(RuleSetVersion.class, versionId).getStatus());
    }

    List<RuleSetActivation> activations() {
        return inTransaction(entityManager -> lifecycle(entityManager).activations());
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
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

    private static RuleSetLifecycle lifecycle(EntityManager entityManager) {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }

    @Override
    public void close() {
        factory.close();
    }
}
