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
import org.rapport.rules.engine.RuleSetBaseline;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.engine.RuleSetValidation;
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

    /**
     * Stores exactly these files as a new draft (a rule set uploaded whole); nothing is checked yet and nothing
     * live changes. See {@link #draftFrom} for a draft that starts as a copy of a version.
     */
    public RuleSetVersion draft(String label, String author, List<RuleFileSource> files) {
        if (files.isEmpty()) {
            throw new InvalidDraftException("A rule set needs at least one file");
        }
        files.forEach(file -> requireRuleSetFile(file.name()));
        RuleSetVersion draft = new RuleSetVersion(label, RuleSetStore.checksum(files), author, clock.instant(),
                RuleSetStatus.DRAFT);
        files.forEach(file -> draft.addFile(file.name(), file.content()));
        entityManager.persist(draft);
        return draft;
    }

    /**
     * A new draft that starts as a copy of version {@code baseId} (the active version when null), with {@code files}
     * added or replacing the files of the same name and the files named in {@code removed} taken out.
     *
     * @throws InvalidDraftException when there is no such version, a file is not one a rule set holds, a removed
     *                               file is not in the version, or nothing would be left
     */
    public RuleSetVersion draftFrom(Long baseId, String label, String author, List<RuleFileSource> files,
            List<String> removed) {
        RuleSetVersion base = baseId == null ? new RuleSetStore(entityManager, clock).activeOrSeedDefault()
                : java.util.Optional.ofNullable(entityManager.find(RuleSetVersion.class, baseId))
                        .orElseThrow(() -> new InvalidDraftException("No rule-set version " + baseId + " to start a draft from"));
        Map<String, RuleFileSource> copied = new TreeMap<>();
        RuleSetStore.sources(base).forEach(file -> copied.put(file.name(), file));
        for (String name : removed) {
            if (copied.remove(name) == null) {
                throw new InvalidDraftException("Cannot remove " + name + ": " + base.describe() + " has no such file");
            }
        }
        files.forEach(file -> copied.put(file.name(), file));
        if (copied.isEmpty()) {
            throw new InvalidDraftException("Nothing would be left of " + base.describe());
        }
        RuleSetVersion draft = draft(label(label == null || label.isBlank() ? "draft from v" + base.getId() : label),
                author, List.copyOf(copied.values()));
        draft.setBasedOnId(base.getId());
        return draft;
    }

    /**
     * Adds a file to a draft or replaces the file of that name: the draft is edited in place and must be validated
     * again. Only a draft (validated or not) changes; an active or retired version is what runs used.
     */
    public RuleSetVersion putFile(long versionId, RuleFileSource file) throws RuleSetRejectedException {
        requireRuleSetFile(file.name());
        RuleSetVersion draft = editable(versionId);
        draft.putFile(file.name(), file.content());
        return edited(draft);
    }

    /** Takes a file out of a draft; see {@link #putFile}. */
    public RuleSetVersion removeFile(long versionId, String name) throws RuleSetRejectedException {
        RuleSetVersion draft = editable(versionId);
        if (draft.getFiles().size() == 1 && draft.getFiles().get(0).getName().equals(name)) {
            throw new RuleSetRejectedException("The last file of " + draft.describe() + " cannot be removed", List.of());
        }
        if (!draft.removeFile(name)) {
            throw new InvalidDraftException("No file " + name + " in " + draft.describe());
        }
        return edited(draft);
    }

    private RuleSetVersion editable(long versionId) throws RuleSetRejectedException {
        RuleSetVersion version = version(versionId);
        if (version.getStatus() != RuleSetStatus.DRAFT && version.getStatus() != RuleSetStatus.VALIDATED) {
            throw new RuleSetRejectedException(version.describe() + " is " + version.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only a draft is edited; start a new draft from it instead", List.of());
        }
        return version;
    }

    private RuleSetVersion edited(RuleSetVersion draft) {
        draft.setChecksum(RuleSetStore.checksum(RuleSetStore.sources(draft)));
        draft.setStatus(RuleSetStatus.DRAFT);
        draft.setValidationMessages(null);
        return draft;
    }

    private static void requireRuleSetFile(String name) {
        String why = RuleFileSource.notInARuleSet(name);
        if (why != null) {
            throw new InvalidDraftException(name + ": " + why);
        }
    }

    /**
     * Compiles the version; a clean draft becomes VALIDATED, one with problems stays a DRAFT with
     * its messages (file, line, column) kept beside it.
     */
    public DraftValidation validate(long versionId) {
        RuleSetVersion version = version(versionId);
        RuleSetVersion active = new RuleSetStore(entityManager, clock).activeOrSeedDefault();
        RuleSetBaseline base = active.getId().equals(version.getId()) ? null
                : new RuleSetBaseline("the active set (" + active.describe() + ")", RuleSetStore.sources(active));
        RuleSetValidation validation = validator().validate(RuleSetStore.sources(version), base);
        List<RuleMessage> problems = validation.messages();
        version.setValidationMessages(problems.isEmpty() ? null
                : fitted(problems.stream().map(RuleMessage::toString).collect(Collectors.joining("\n"))));
        if (version.getStatus() == RuleSetStatus.DRAFT && problems.isEmpty()) {
            version.setStatus(RuleSetStatus.VALIDATED);
        }
        return new DraftValidation(problems, validation.warnings(), validation.scenarios());
    }

    /**
     * A draft of the active rule set with {@code files} added or replacing the same-named ones, validated;
     * activated by {@code who} only when it is valid and {@code activateWhenValid}.
     */
    public RuleSetSubmission submit(List<RuleFileSource> files, String who, boolean activateWhenValid) {
        List<String> names = files.stream().map(RuleFileSource::name).toList();
        RuleSetVersion draft = draftFrom(null, "inbox: " + String.join(", ", names), who, files, List.of());
        entityManager.flush();
        List<RuleMessage> problems = validate(draft.getId()).problems();
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
        if (comment == null || comment.isBlank()) {
            throw new RuleSetRejectedException("Say why " + version.describe() + " goes live: an activation needs a comment"
                    + " for the audit trail", List.of());
        }
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
        return compare(active, draft, engine, String.valueOf(latest.get(0)[1]), latest.get(0)[0]);
    }

    /**
     * Grades each of the last {@code months} published months (the latest published run of each) with the version and
     * with the active set: what these rules would have told the board, month by month.
     */
    public DryRunMonths dryRunMonths(long versionId, RuleEngine engine, int months) {
        RuleSetVersion draft = version(versionId);
        RuleSetVersion active = new RuleSetStore(entityManager, clock).activeOrSeedDefault();
        List<Object[]> published = entityManager.createQuery("""
                select r.id, r.month from Run r where r.status = org.rapport.engine.run.RunStatus.PUBLISHED
                order by r.month desc, r.id desc""", Object[].class).getResultList();
        Map<String, Long> latestByMonth = new java.util.LinkedHashMap<>();
        for (Object[] run : published) {
            if (latestByMonth.size() == months && !latestByMonth.containsKey((String) run[1])) {
                break;
            }
            latestByMonth.putIfAbsent((String) run[1], (Long) run[0]);
        }
        List<DryRunMonths.Month> graded = new ArrayList<>();
        latestByMonth.forEach((month, run) -> {
            DryRun compared = compare(active, draft, engine, month, run);
            graded.add(new DryRunMonths.Month(month, run, compared.ragChanges(), compared.triggersAdded(),
                    compared.triggersRemoved()));
        });
        return new DryRunMonths(draft.describe(), active.describe(), graded);
    }

    private DryRun compare(RuleSetVersion active, RuleSetVersion draft, RuleEngine engine, String month, Object run) {
        List<KpiValue> stored = entityManager.createQuery("select k from KpiValue k where k.run.id = :run order by k.id",
                KpiValue.class).setParameter("run", run).getResultList();
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
        return new DryRun(month, changes,
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

    /** Who made {@code versionId} live, when and why, newest first. */
    public List<RuleSetActivation> activations(long versionId) {
        return entityManager.createQuery("select a from RuleSetActivation a join fetch a.version"
                + " where a.version.id = :version order by a.id desc", RuleSetActivation.class)
                .setParameter("version", versionId).getResultList();
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

    /** Compile errors, sandbox breaches, unknown KPIs and breakdowns and failing scenarios, each with its place. */
    private List<RuleMessage> problems(RuleSetVersion version) {
        return validator().validate(RuleSetStore.sources(version)).messages();
    }

    private RuleSetValidator validator() {
        return new RuleSetValidator(compiler, KpiCatalogueVocabulary.catalogue());
    }
}
