package org.rapport.engine.ruleset;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.rules.engine.InvalidRuleSetException;
import org.rapport.rules.engine.RuleEvaluationException;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.RuleSetCompiler;

/** The rule lifecycle as a transactional service, for the API and the watched rules inbox. */
@Stateless
@LocalBean
public class RuleSets implements RuleInbox {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @EJB
    private RuleEngine ruleEngine;

    public List<RuleSetVersion> versions() {
        new RuleSetStore(entityManager, Clock.systemUTC()).activeOrSeedDefault();
        List<RuleSetVersion> versions = lifecycle().versions();
        versions.forEach(version -> version.getFiles().size());
        return versions;
    }

    public RuleSetVersion version(long id) {
        RuleSetVersion version = lifecycle().version(id);
        version.getFiles().size();
        return version;
    }

    /**
     * The version, or empty when there is none: for callers asking about an id they were given, for whom
     * "no such version" is an answer, not a failure (the container logs a failure's stack every time).
     */
    public java.util.Optional<RuleSetVersion> find(long id) {
        RuleSetVersion version = entityManager.find(RuleSetVersion.class, id);
        if (version != null) {
            version.getFiles().size();
        }
        return java.util.Optional.ofNullable(version);
    }

    public long draft(String label, String author, List<RuleFileSource> files) {
        RuleSetVersion draft = lifecycle().draft(label, author, files);
        entityManager.flush();
        return draft.getId();
    }

    public List<RuleMessage> validate(long id) {
        return lifecycle().validate(id);
    }

    /**
     * How the version would grade the last published month.
     *
     * @throws RuleSetRejectedException when it does not compile, or its rules fail or exceed their budget
     *                                  on that month's figures (the rule named): the author's problem, answered
     *                                  as such rather than as a server failure
     */
    public DryRun dryRun(long id) throws RuleSetRejectedException {
        try {
            // compiled (and so sandbox-checked) here first: a version that does not is the author's problem
            COMPILER.compile(RuleSetStore.sources(lifecycle().version(id)));
        } catch (InvalidRuleSetException invalid) {
            throw new RuleSetRejectedException("The version does not compile", invalid.messages());
        }
        try {
            return lifecycle().dryRun(id, ruleEngine);
        } catch (EJBException e) {
            if (e.getCause() instanceof RuleEvaluationException failed) {
                throw new RuleSetRejectedException("The rules failed on the last published month: " + failed.getMessage(),
                        List.of(new RuleMessage(failed.file(), null, 0, 0, failed.getMessage())));
            }
            throw e;
        }
    }

    public void activate(long id, String who, String comment) throws RuleSetRejectedException {
        lifecycle().activate(id, who, comment);
    }

    @Override
    public RuleSetSubmission submit(List<RuleFileSource> files, boolean activateWhenValid) {
        return lifecycle().submit(files, AUTHOR, activateWhenValid);
    }

    public List<RuleSetActivation> activations() {
        return lifecycle().activations();
    }

    private RuleSetLifecycle lifecycle() {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }
}
