package org.rapport.engine.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rapport.engine.kpi.KpiDefinition;

/**
 * One KPI of a run with its slices: the overall line, then its lines by each breakdown the catalogue
 * publishes for it, e.g. "segment" → [segment=business, segment=retail]. A breakdown the month had no
 * data for is listed with no lines.
 *
 * @param code          catalogue code
 * @param name          what the board reads
 * @param unit          e.g. "%"
 * @param overall       the company-wide line; null when the run stored only slices
 * @param breakdownNote what the breakdowns mean for this KPI and why others do not apply
 * @param breakdowns    lines per breakdown name, in the catalogue's order
 */
public record KpiBreakdown(String code, String name, String unit, KpiLine overall, String breakdownNote,
        Map<String, List<KpiLine>> breakdowns) {

    public KpiBreakdown {
        breakdowns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdowns));
    }

    /** {@code code}'s lines among a run's, or empty when the run stored none. */
    public static Optional<KpiBreakdown> of(String code, List<KpiLine> lines) {
        List<KpiLine> ofCode = lines.stream().filter(line -> line.code().equals(code)).toList();
        if (ofCode.isEmpty()) {
            return Optional.empty();
        }
        KpiDefinition definition = KpiTraits.definition(code);
        Map<String, List<KpiLine>> breakdowns = new LinkedHashMap<>();
        definition.breakdowns().forEach(name -> breakdowns.put(name, List.of()));
        // Slices a run stored under a breakdown the catalogue no longer lists are still shown, after the others.
        ofCode.stream().map(KpiLine::dimension).filter(dimension -> dimension.contains("="))
                .map(dimension -> dimension.substring(0, dimension.indexOf('=')))
                .forEach(name -> breakdowns.putIfAbsent(name, List.of()));
        breakdowns.replaceAll((name, none) -> ofCode.stream()
                .filter(line -> line.dimension().startsWith(name + "=")).toList());
        KpiLine overall = ofCode.stream().filter(line -> SnapshotSections.OVERALL.equals(line.dimension()))
                .findFirst().orElse(null);
        return Optional.of(new KpiBreakdown(code, definition.name(), definition.unit(), overall,
                definition.breakdownNote(), breakdowns));
    }
}
