package org.rapport.engine.ruleset;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.engine.RuleSetValidator;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;

/**
 * The strategy team's path from a draft to the live rule set: draft → validate → activate, and
 * back to any earlier version. Only a version that compiles, keeps to the sandbox and passes the
 * scenarios kept with it can ever become active, so a broken draft never replaces the live rules. Not thread-safe: one instance per transaction.
 */
public class RuleSetLifecycle {

    private final EntityManager entityManager;
    private final RuleSetCompiler compiler;
    private final Clock clock;

    public RuleSetLifecycle(EntityManager entityManager, RuleSetCompiler compiler, Clock clock) {
        this.entityManager = entityManager;
        this.compiler = compiler;
        this.clock = clock;
    }

    /** Stores the files as a new draft; nothing is checked yet and nothing live changes. */
    public RuleSetVersion draft(String label, String author, List<RuleFileSource> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("A rule set needs at least one file");
        }
        RuleSetVersion draft = new RuleSetVersion(label, RuleSetStore.checksum(files), author, clock.instant(),
                RuleSetStatus.DRAFT);
        files.forEach(file -> draft.addFile(file.name(), file.content()));
        entityManager.persist(draft);
        return draft;
    }

    /**
     * Compiles the version; a clean draft becomes VALIDATED, one with problems stays a DRAFT with
     * its messages (file, line, column) kept beside it.
     */
    public List<RuleMessage> validate(long versionId) {
        RuleSetVersion version = version(versionId);
        List<RuleMessage> problems = problems(version);
        version.setValidationMessages(problems.isEmpty() ? null
                : fitted(problems.stream().map(RuleMessage::toString).collect(Collectors.joining("\n"))));
        if (version.getStatus() == RuleSetStatus.DRAFT && problems.isEmpty()) {
            version.setStatus(RuleSetStatus.VALIDATED);
        }
        return problems;
    }

    /**
     * A draft of the active rule set with {@code files} added or replacing the same-named ones, validated;
     * activated by {@code who} only when it is valid and {@code activateWhenValid}.
     */
    public RuleSetSubmission submit(List<RuleFileSource> files, String who, boolean activateWhenValid) {
        Map<String, RuleFileSource> overlaid = new TreeMap<>();
        RuleSetStore.sources(new RuleSetStore(entityManager, clock).activeOrSeedDefault())
                .forEach(file -> overlaid.put(file.name(), file));
        files.forEach(file -> overlaid.put(file.name(), file));
        List<String> names = files.stream().map(RuleFileSource::name).toList();
        RuleSetVersion draft = draft(label("inbox: " + String.join(", ", names)), who, List.copyOf(overlaid.values()));
        entityManager.flush();
        List<RuleMessage> problems = validate(draft.getId());
        boolean activated = false;
        if (problems.isEmpty() && activateWhenValid) {
            try {
                activate(draft.getId(), who, "Activated when valid (rapport.rules-inbox.activate-when-valid): "
                        + String.join(", ", names));
                activated = true;
            } catch (RuleSetRejectedException e) {
                // Validated a moment ago in this transaction, and a new draft is never active already.
                throw new IllegalStateException("A valid new draft was refused activation: " + e.getMessage(), e);
            }
        }
        return new RuleSetSubmission(draft.getId(), draft.describe(), names, problems, activated);
    }

    private static String label(String label) {
        return label.length() <= 128 ? label : label.substring(0, 127) + "…";
    }

    /** The messages column holds 8,000 characters: a file of garbage must not fail the validation itself. */
    private static String fitted(String messages) {
        return messages.length() <= 8000 ? messages : messages.substring(0, 7990) + "\n(more…)";
    }

    /**
     * Makes the version the live rule set for the next run, retiring the one before; a version
     * that does not compile is refused with its messages.
     */
    public RuleSetActivation activate(long versionId, String who, String comment) throws RuleSetRejectedException {
        RuleSetVersion version = version(versionId);
        if (version.getStatus() == RuleSetStatus.ACTIVE) {
            throw new RuleSetRejectedException(version.describe() + " is already active", List.of());
        }
        List<RuleMessage> problems = problems(version);
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(version.describe()
                    + " does not compile or fails its scenarios; the active rule set stays", problems);
        }
        boolean rollback = version.getStatus() == RuleSetStatus.RETIRED;
        entityManager.createQuery("select v from RuleSetVersion v where v.status = :active", RuleSetVersion.class)
                .setParameter("active", RuleSetStatus.ACTIVE)
                .getResultList()
                .forEach(live -> live.setStatus(RuleSetStatus.RETIRED));
        version.setStatus(RuleSetStatus.ACTIVE);
        RuleSetActivation activation = new RuleSetActivation(version, who, clock.instant(), comment, rollback);
        entityManager.persist(activation);
        return activation;
    }

    /**
     * Grades the figures stored by the latest published run with the draft and with the active set,
     * and reports where they differ — what activating the draft would change.
     */
    public DryRun dryRun(long versionId, RuleEngine engine) {
        RuleSetVersion draft = version(versionId);
        RuleSetVersion active = new RuleSetStore(entityManager, clock).activeOrSeedDefault();
        List<Object[]> latest = entityManager.createQuery("""
                select r.id, r.month from Run r where r.status = org.rapport.engine.run.RunStatus.PUBLISHED
                order by r.month desc, r.id desc""", Object[].class).setMaxResults(1).getResultList();
        if (latest.isEmpty()) {
            return new DryRun(null, List.of(), List.of(), List.of());
        }
        List<KpiValue> stored = entityManager.createQuery("select k from KpiValue k where k.run.id = :run",
                KpiValue.class).setParameter("run", latest.get(0)[0]).getResultList();
        Evaluation withActive = engine.evaluate(active, facts(stored));
        Evaluation withDraft = engine.evaluate(draft, facts(stored));
        List<DryRun.RagChange> changes = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Kpi before = withActive.kpis().get(i);
            Kpi after = withDraft.kpis().get(i);
            if (before.getRag() != after.getRag()) {
                changes.add(new DryRun.RagChange(before.getCode(), before.getDimension(), before.getRag().name(),
                        after.getRag().name()));
            }
        }
        Set<String> activeCodes = codes(withActive);
        Set<String> draftCodes = codes(withDraft);
        return new DryRun(String.valueOf(latest.get(0)[1]), changes,
                draftCodes.stream().filter(code -> !activeCodes.contains(code)).sorted().toList(),
                activeCodes.stream().filter(code -> !draftCodes.contains(code)).sorted().toList());
    }

    private static List<Kpi> facts(List<KpiValue> stored) {
        return stored.stream().map(value -> new Kpi(value.getCode(), value.getDimension(), value.getValue(),
                value.getPrevious(), KpiCatalogue.unit(value.getCode()))).toList();
    }

    private static Set<String> codes(Evaluation evaluation) {
        return evaluation.triggers().stream().map(ImprovementTrigger::code).collect(Collectors.toSet());
    }

    public List<RuleSetVersion> versions() {
        return entityManager.createQuery("select v from RuleSetVersion v order by v.id desc", RuleSetVersion.class)
                .getResultList();
    }

    public List<RuleSetActivation> activations() {
        return entityManager.createQuery("select a from RuleSetActivation a join fetch a.version order by a.id desc",
                RuleSetActivation.class).getResultList();
    }

    public RuleSetVersion version(long versionId) {
        RuleSetVersion version = entityManager.find(RuleSetVersion.class, versionId);
        if (version == null) {
            throw new IllegalArgumentException("No rule-set version " + versionId);
        }
        return version;
    }

    /** Compile errors, sandbox breaches and failing scenarios kept with the version, each with its place. */
    private List<RuleMessage> problems(RuleSetVersion version) {
        return new RuleSetValidator(compiler).validate(RuleSetStore.sources(version)).messages();
    }
}
