package org.rapport.rules.defaults;

import java.math.BigDecimal;
import java.util.List;

import org.rapport.rules.engine.CompiledRuleSet;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.engine.InvalidRuleSetException;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestText;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * The default rule set, compiled once for all scenario tests: a compiled rule set is immutable and
 * each evaluation runs in its own session, so scenarios cannot leak into each other.
 */
final class DefaultRules {

    private static final CompiledRuleSet RULES = compile();

    private DefaultRules() {
    }

    static Evaluation evaluate(Kpi... kpis) {
        return RULES.evaluate(List.of(kpis));
    }

    static Evaluation evaluate(List<Kpi> kpis, List<RequestText> requests) {
        return RULES.evaluate(kpis, requests);
    }

    /** One page of texts counted on its own. */
    static List<RequestThemeCount> countThemes(List<RequestText> page) {
        return RULES.countThemes(page);
    }

    static Evaluation evaluateCounted(List<Kpi> kpis, List<RequestThemeCount> counts) {
        return RULES.evaluateCounted(kpis, counts);
    }

    static CustomerEvaluation score(CustomerProfile... customers) {
        return RULES.score(List.of(customers));
    }

    /** A customer who consented to analytics and to contact, with no other data yet. */
    static CustomerProfile consenting(String customerRef) {
        return new CustomerProfile(customerRef).consentToAnalytics(true).consentToContact(true);
    }

    /** A company-wide KPI; {@code value} as written in a board pack, {@code null} for "no data this month". */
    static Kpi overall(String code, String value) {
        return Kpi.overall(code, value == null ? null : new BigDecimal(value));
    }

    static Kpi inDimension(String code, String dimension, String value) {
        return new Kpi(code, dimension, new BigDecimal(value), null);
    }

    private static CompiledRuleSet compile() {
        try {
            return new RuleSetCompiler().compile(DefaultRuleSet.files());
        } catch (InvalidRuleSetException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
