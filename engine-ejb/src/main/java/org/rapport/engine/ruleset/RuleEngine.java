package org.rapport.engine.ruleset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;

import org.rapport.rules.engine.CompiledRuleSet;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.engine.InvalidRuleSetException;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestText;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * Compiles each rule-set version once and keeps its KieBase for every later run. Thread-safe:
 * compiled rule sets are immutable and evaluations use their own sessions.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DependsOn("DroolsShutdown")
public class RuleEngine {

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    /** By version id; a draft edited in place has a new checksum and is compiled again. */
    private final Map<Long, Compiled> compiled = new ConcurrentHashMap<>();

    private record Compiled(String checksum, CompiledRuleSet rules) {
    }

    public Evaluation evaluate(RuleSetVersion version, Collection<Kpi> kpis) {
        return compiledFor(version).evaluate(kpis);
    }

    /**
     * Grades the KPIs with {@code version} and raises its triggers over them and over the month's request
     * theme counts (from {@link #countThemes}, added up page by page).
     */
    public Evaluation evaluate(RuleSetVersion version, Collection<Kpi> kpis, Collection<RequestThemeCount> themes) {
        return compiledFor(version).evaluateCounted(kpis, themes);
    }

    /** How many of one page of comments and cases mention each of {@code version}'s request themes. */
    public List<RequestThemeCount> countThemes(RuleSetVersion version, Collection<RequestText> page) {
        return compiledFor(version).countThemes(page);
    }

    /**
     * Scores customers with {@code version}'s engagement rules: one score per customer who consented to
     * analytics, and the actions the rules raise for the CRM.
     */
    public CustomerEvaluation score(RuleSetVersion version, Collection<CustomerProfile> customers) {
        return compiledFor(version).score(customers);
    }

    /** Compiles {@code version} now unless it is compiled already, so that its first evaluation need not. */
    public void compile(RuleSetVersion version) {
        compiledFor(version);
    }

    private CompiledRuleSet compiledFor(RuleSetVersion version) {
        return compiled.compute(version.getId(), (id, known) -> {
            if (known != null && known.checksum().equals(version.getChecksum())) {
                return known;
            }
            try {
                return new Compiled(version.getChecksum(), compiler.compile(RuleSetStore.sources(version)));
            } catch (InvalidRuleSetException e) {
                // Only validated versions are ever activated, so this is a corrupted store, not a user error.
                throw new IllegalStateException("Stored rule set " + version.describe() + " does not compile", e);
            }
        }).rules();
    }
}
