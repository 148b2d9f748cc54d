package org.rapport.integration.rulesinbox;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.rapport.engine.ruleset.RuleInbox;
import org.rapport.engine.ruleset.RuleSetActivation;
import org.rapport.engine.ruleset.RuleSetLifecycle;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetSubmission;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleSetCompiler;

/**
 * The engine's real rule lifecycle on a real H2 database, behind the {@link RuleInbox} interface the
 * routes call: what the {@code RuleSets} EJB does, each call in a transaction of its own, without the
 * container. A fresh in-memory database per instance. Thread-safe: each call has its own entity manager.
 */
final class LifecycleOnH2 implements RuleInbox, AutoCloseable {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private final ResourceLocalStore store;

    LifecycleOnH2(String name) {
        store = ResourceLocalStore.inMemoryH2(name);
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
        return store.inNewTransaction(work);
    }

    private static RuleSetLifecycle lifecycle(EntityManager entityManager) {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }

    @Override
    public void close() {
        store.close();
    }
}
