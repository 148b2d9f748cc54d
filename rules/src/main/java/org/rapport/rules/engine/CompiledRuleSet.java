package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestText;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * A rule set that compiled. Every evaluation (KPIs, a page of texts, a batch of customers) fires its
 * own session inside the {@link RuleBudget} of its {@link RuleEvaluator}: a firing limit, a deadline
 * and a cap on allocated memory, failing with the rule named. Thread-safe: the KieBase is shared and
 * each evaluation has its own sessions, so callers may score partitions of the customer base in parallel.
 */
public final class CompiledRuleSet {

    /** A rule set that keeps firing is a mistake, not a result: stop it long before it hurts the server. */
    static final int MAX_FIRINGS = 100_000;

    /** The default rules fire at most six times per customer; a hundred leaves room and still stops a loop fast. */
    static final int MAX_FIRINGS_PER_CUSTOMER = 100;

    /** Customers per rule session: session set-up is noise at this size, and smaller sessions stay in cache (measured: 500 beats 2,000 and 10,000). */
    static final int CUSTOMERS_PER_SESSION = 500;

    /** Once the limit is hit, this many more firings are watched to name the rule that loops. */
    private static final int FIRINGS_TO_FIND_A_LOOP = 1_000;

    /** Drools names the rule of a failed condition only in the text: "... in [Rule "X" in org/rapport/rules/x.drl]". */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"(.+?)\" in ([^\\]\\s]+)");

    /** How themes are listed: most mentioned first, then by code, so a re-run reads the same. */
    static final Comparator<RequestThemeCount> MOST_MENTIONED_FIRST = Comparator
            .comparingInt(RequestThemeCount::mentions).reversed().thenComparing(RequestThemeCount::code);

    private final KieBase kieBase;
    private final int maxFirings;
    private final int maxFiringsPerCustomer;
    private final RuleEvaluator evaluator;

    CompiledRuleSet(KieBase kieBase, int maxFirings, int maxFiringsPerCustomer, RuleEvaluator evaluator) {
        this.kieBase = kieBase;
        this.maxFirings = maxFirings;
        this.maxFiringsPerCustomer = maxFiringsPerCustomer;
        this.evaluator = evaluator;
    }

    /** The time and memory each evaluation of this rule set may take. */
    public RuleBudget budget() {
        return evaluator.budget();
    }

    /** The most rule firings one KPI evaluation may take before it is stopped as a loop. */
    public int maxFirings() {
        return maxFirings;
    }

    /** The most rule firings per customer that scoring may take before it is stopped as a loop. */
    public int maxFiringsPerCustomer() {
        return maxFiringsPerCustomer;
    }

    /**
     * Grades the KPIs and collects the triggers the rules raise over them, ordered by trigger code.
     *
     * @throws RuleEvaluationException when a rule fails, or the rules would fire more than {@link #maxFirings()} times
     */
    public Evaluation evaluate(Collection<Kpi> kpis) {
        return evaluate(kpis, List.of());
    }

    /**
     * Grades the KPIs, counts the request themes in the month's comments and cases, and collects the
     * triggers the rules raise over both, ordered by trigger code; themes come most mentioned first.
     *
     * @throws RuleEvaluationException when a rule fails, or the rules would fire more than {@link #maxFirings()} times
     */
    public Evaluation evaluate(Collection<Kpi> kpis, Collection<RequestText> requests) {
        return evaluateWith(kpis, requests);
    }

    /**
     * Counts how many of one page of the month's comments and cases mention each request theme, in a
     * session of its own that sees no KPI; add the pages up in a {@link RequestThemeTally} and hand its
     * counts to {@link #evaluateCounted}. Whatever else the rules do with a page alone is dropped.
     *
     * @throws RuleEvaluationException when a rule fails, or the rules would fire more than {@link #maxFirings()} times
     */
    public List<RequestThemeCount> countThemes(Collection<RequestText> page) {
        KieSession session = kieBase.newKieSession();
        try {
            run(session, () -> page.forEach(session::insert), maxFirings, "Request theme counting");
            return facts(session, RequestThemeCount.class);
        } finally {
            session.dispose();
        }
    }

    /**
     * Grades the KPIs and collects the triggers the rules raise over them and over the month's theme counts,
     * counted page by page with {@link #countThemes}: the same as {@link #evaluate(Collection, Collection)}
     * over all the month's texts at once, without holding them.
     *
     * @throws RuleEvaluationException when a rule fails, or the rules would fire more than {@link #maxFirings()} times
     */
    public Evaluation evaluateCounted(Collection<Kpi> kpis, Collection<RequestThemeCount> themeCounts) {
        return evaluateWith(kpis, themeCounts);
    }

    /** One session over the KPIs and the month's requests, as texts or as theme counts already made. */
    private Evaluation evaluateWith(Collection<Kpi> kpis, Collection<?> requests) {
        KieSession session = kieBase.newKieSession();
        try {
            run(session, () -> {
                kpis.forEach(session::insert);
                requests.forEach(session::insert);
            }, maxFirings, "Rule evaluation");
            List<ImprovementTrigger> triggers = facts(session, ImprovementTrigger.class);
            // The session hands facts back in no particular order; a re-run must read the same.
            triggers.sort(Comparator.comparing(ImprovementTrigger::code));
            List<RequestThemeCount> themes = facts(session, RequestThemeCount.class);
            themes.sort(MOST_MENTIONED_FIRST);
            return new Evaluation(List.copyOf(kpis), triggers, themes);
        } finally {
            session.dispose();
        }
    }

    /**
     * Scores customers: pillar scores, engagement index and stage for every customer who consented
     * to analytics, and the actions the rules raise for the CRM. Customers who withheld consent are
     * never handed to the rules at all, whatever the rules say. Customers are evaluated in batches
     * of a few thousand per rule session; nothing is compiled or built per customer.
     *
     * @throws RuleEvaluationException when a rule fails, or the rules would fire more than
     *                                 {@link #maxFiringsPerCustomer()} times per customer of a batch
     */
    public CustomerEvaluation score(Collection<CustomerProfile> customers) {
        List<EngagementScore> scores = new ArrayList<>(customers.size());
        List<CustomerAction> actions = new ArrayList<>();
        List<CustomerProfile> batch = new ArrayList<>(CUSTOMERS_PER_SESSION);
        for (CustomerProfile customer : customers) {
            if (!customer.isConsentToAnalytics()) {
                continue;
            }
            batch.add(customer);
            if (batch.size() == CUSTOMERS_PER_SESSION) {
                scoreBatch(batch, scores, actions);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            scoreBatch(batch, scores, actions);
        }
        return new CustomerEvaluation(scores, actions);
    }

    private void scoreBatch(List<CustomerProfile> batch, List<EngagementScore> scores, List<CustomerAction> actions) {
        KieSession session = kieBase.newKieSession();
        try {
            run(session, () -> batch.forEach(session::insert), maxFiringsPerCustomer * batch.size(), "Customer scoring");
            List<EngagementScore> batchScores = facts(session, EngagementScore.class);
            batchScores.sort(Comparator.comparing(EngagementScore::getCustomerRef));
            scores.addAll(batchScores);
            List<CustomerAction> batchActions = facts(session, CustomerAction.class);
            batchActions.sort(Comparator.comparing(CustomerAction::customerRef).thenComparing(CustomerAction::kind));
            actions.addAll(batchActions);
        } finally {
            session.dispose();
        }
    }

    /**
     * Inserts the facts and fires the rules within the budget, turning a loop, a failing rule or an evaluation
     * over its time or memory into an error that names the rule.
     */
    private void run(KieSession session, Runnable insertFacts, int limit, String what) {
        evaluator.run(session, what, () -> fire(session, insertFacts, limit, what));
    }

    private static void fire(KieSession session, Runnable insertFacts, int limit, String what) {
        try {
            insertFacts.run();
            int fired = session.fireAllRules(limit);
            // Exactly at the limit is allowed; one more firing waiting on the agenda is not.
            if (fired >= limit && session.fireAllRules(1) > 0) {
                String rule = busiestRule(session);
                throw new RuleEvaluationException(what + " stopped after " + limit + " firings: rule \"" + rule
                        + "\" keeps re-activating itself (a modify or update that leaves its own conditions true?)",
                        rule, null, null);
            }
        } catch (ConsequenceException failed) {
            Rule rule = failed.getRule();
            String file = rule instanceof RuleImpl impl && impl.getResource() != null
                    ? RuleSetCompiler.fileName(impl.getResource().getSourcePath()) : null;
            throw new RuleEvaluationException("Rule \"" + rule.getName() + "\"" + (file == null ? "" : " in " + file)
                    + " failed: " + rootCause(failed), rule.getName(), file, failed);
        } catch (RuleEvaluationException loop) {
            throw loop;
        } catch (RuntimeException failed) {
            Matcher named = RULE_IN_MESSAGE.matcher(String.valueOf(failed.getMessage()));
            String rule = named.find() ? named.group(1) : "(unknown)";
            String file = named.find(0) ? RuleSetCompiler.fileName(named.group(2)) : null;
            throw new RuleEvaluationException("A condition of rule \"" + rule + "\"" + (file == null ? "" : " in " + file)
                    + " failed: " + rootCause(failed), rule, file, failed);
        }
    }

    /** Fires a few more rules with a counter attached: the rule that loops is the one that fires most. */
    private static String busiestRule(KieSession session) {
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        session.fireAllRules(FIRINGS_TO_FIND_A_LOOP);
        session.removeEventListener(counter);
        return counter.busiest();
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        List<T> facts = new ArrayList<>();
        for (Object fact : session.getObjects(new ClassObjectFilter(type))) {
            facts.add(type.cast(fact));
        }
        return facts;
    }

    /** Counts firings per rule so that a runaway evaluation can name its culprit. One per session. */
    private static final class FiringCounter extends DefaultAgendaEventListener {

        private final Map<String, Integer> firings = new HashMap<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }

        String busiest() {
            return firings.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("(none)");
        }
    }
}
