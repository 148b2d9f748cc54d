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

    /**
     * A new draft copied from version {@code baseId} (the active one when null) with {@code files} added or replacing
     * those of the same name and {@code removed} taken out.
     *
     * @throws InvalidDraftException for no such version, a file a rule set does not hold, or no such file to remove
     */
    public long draftFrom(Long baseId, String label, String author, List<RuleFileSource> files, List<String> removed) {
        RuleSetVersion draft = lifecycle().draftFrom(baseId, label, author, files, removed);
        entityManager.flush();
        return draft.getId();
    }

    /** Adds or replaces one file of a draft; refused for a version that is active or retired. */
    public void putFile(long id, RuleFileSource file) throws RuleSetRejectedException {
        lifecycle().putFile(id, file);
    }

    /** Takes one file out of a draft; refused for a version that is active or retired. */
    public void removeFile(long id, String name) throws RuleSetRejectedException {
        lifecycle().removeFile(id, name);
    }

    public DraftValidation validate(long id) {
        return lifecycle().validate(id);
    }

    /**
     * How the version would have graded each of the last {@code months} published months against the active set.
     *
     * @throws RuleSetRejectedException as {@link #dryRun(long)}
     */
    public DryRunMonths dryRunMonths(long id, int months) throws RuleSetRejectedException {
        requireCompiles(id);
        try {
            return lifecycle().dryRunMonths(id, ruleEngine, months);
        } catch (EJBException e) {
            throw failedOnFigures(e);
        }
    }

    public List<RuleSetActivation> activations(long id) {
        return lifecycle().activations(id);
    }

    private void requireCompiles(long id) throws RuleSetRejectedException {
        try {
            // compiled (and so sandbox-checked) here first: a version that does not is the author's problem
            COMPILER.compile(RuleSetStore.sources(lifecycle().version(id)));
        } catch (InvalidRuleSetException invalid) {
            throw new RuleSetRejectedException("The version does not compile", invalid.messages());
        }
    }

    private static RuleSetRejectedException failedOnFigures(EJBException e) {
        if (e.getCause() instanceof RuleEvaluationException failed) {
            return new RuleSetRejectedException("The rules failed on a published month: " + failed.getMessage(),
                    List.of(new RuleMessage(failed.file(), null, 0, 0, failed.getMessage())));
        }
        throw e;
    }

    /**
     * How the version would grade the last published month.
     *
     * @throws RuleSetRejectedException when it does not compile, or its rules fail or exceed their budget
     *                                  on that month's figures (the rule named): the author's problem, answered
     *                                  as such rather than as a server failure
     */
    public DryRun dryRun(long id) throws RuleSetRejectedException {
        requireCompiles(id);
        try {
            return lifecycle().dryRun(id, ruleEngine);
        } catch (EJBException e) {
            throw failedOnFigures(e);
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
