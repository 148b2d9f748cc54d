package org.rapport.rules.engine;

import java.util.List;

import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;

/** What one evaluation produced: the KPIs as the rules graded them, and the triggers they raised. */
public record Evaluation(List<Kpi> kpis, List<ImprovementTrigger> triggers) {

    public Evaluation {
        kpis = List.copyOf(kpis);
        triggers = List.copyOf(triggers);
    }
}
