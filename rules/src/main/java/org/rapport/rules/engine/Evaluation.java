package org.rapport.rules.engine;

import java.util.List;

import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * What one evaluation produced: the KPIs as the rules graded them, the triggers they raised, and
 * how often each request theme was mentioned (most mentioned first).
 */
public record Evaluation(List<Kpi> kpis, List<ImprovementTrigger> triggers, List<RequestThemeCount> themes) {

    public Evaluation {
        kpis = List.copyOf(kpis);
        triggers = List.copyOf(triggers);
        themes = List.copyOf(themes);
    }

    /** An evaluation without request themes. */
    public Evaluation(List<Kpi> kpis, List<ImprovementTrigger> triggers) {
        this(kpis, triggers, List.of());
    }
}
