package org.rapport.rules.engine;

import java.util.List;

import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.EngagementScore;

/**
 * What scoring a batch of customers produced: one score per customer who consented to analytics,
 * and the actions for the CRM. Both follow the order of the profiles given, batch by batch; within
 * a batch, by customer reference (and action kind).
 */
public record CustomerEvaluation(List<EngagementScore> scores, List<CustomerAction> actions) {

    public CustomerEvaluation {
        scores = List.copyOf(scores);
        actions = List.copyOf(actions);
    }
}
