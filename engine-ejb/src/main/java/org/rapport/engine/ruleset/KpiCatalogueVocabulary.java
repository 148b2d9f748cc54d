package org.rapport.engine.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.rules.engine.KpiVocabulary;

/** The KPI codes and breakdowns rules and scenarios may name: those of the {@link KpiCatalogue}. */
final class KpiCatalogueVocabulary {

    private static final KpiVocabulary CATALOGUE = build();

    private KpiCatalogueVocabulary() {
    }

    static KpiVocabulary catalogue() {
        return CATALOGUE;
    }

    private static KpiVocabulary build() {
        Map<String, List<String>> breakdowns = new LinkedHashMap<>();
        for (KpiDefinition definition : KpiCatalogue.all()) {
            breakdowns.put(definition.code(), definition.breakdowns());
        }
        return KpiVocabulary.of(breakdowns);
    }
}
