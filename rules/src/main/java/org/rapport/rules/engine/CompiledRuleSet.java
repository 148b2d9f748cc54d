package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;

/**
 * A rule set that compiled. Thread-safe: the KieBase is shared and each evaluation has its own session.
 */
public final class CompiledRuleSet {

    /** A rule set that keeps firing is a mistake, not a result: stop it long before it hurts the server. */
    static final int MAX_FIRINGS = 100_000;

    private final KieBase kieBase;
    private final int maxFirings;

    CompiledRuleSet(KieBase kieBase, int maxFirings) {
        this.kieBase = kieBase;
        this.maxFirings = maxFirings;
    }

    /** The most rule firings one evaluation may take before it is stopped as a loop. */
    public int maxFirings() {
        return maxFirings;
    }

    /**
     * Grades the KPIs and collects the triggers the rules raise over them, ordered by trigger code.
     *
     * @throws IllegalStateException when the rules would fire more than {@link #maxFirings()} times
     */
    public Evaluation evaluate(Collection<Kpi> kpis) {
        KieSession session = kieBase.newKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        try {
            kpis.forEach(session::insert);
            int fired = session.fireAllRules(maxFirings);
            // Exactly at the limit is allowed; one more firing waiting on the agenda is not.
            if (fired >= maxFirings && session.fireAllRules(1) > 0) {
                throw new IllegalStateException("Rule evaluation stopped after " + maxFirings
                        + " firings: rule \"" + counter.busiest() + "\" keeps re-activating itself"
                        + " (a modify or update that leaves its own conditions true?)");
            }
            List<ImprovementTrigger> triggers = new ArrayList<>();
            session.getObjects(ImprovementTrigger.class::isInstance)
                    .forEach(fact -> triggers.add((ImprovementTrigger) fact));
            // The session hands facts back in no particular order; a re-run must read the same.
            triggers.sort(Comparator.comparing(ImprovementTrigger::code));
            return new Evaluation(List.copyOf(kpis), triggers);
        } finally {
            session.dispose();
        }
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
