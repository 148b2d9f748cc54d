package org.rapport.engine.readiness;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.kpi.KpiCatalogue;

/**
 * Which KPIs a kind of source feeds, so that a pack published without it can mark each figure it
 * touches. Customers feed every figure (segments, value bands, churn, who is active).
 */
public final class AffectedFigures {

    private static final List<String> ENGAGEMENT = KpiCatalogue.ENGAGEMENT_CODES;

    private static final Map<SourceKind, List<String>> FED_BY = Map.of(
            SourceKind.CALLS, List.of(KpiCatalogue.TIME_TO_HUMAN_MEAN, KpiCatalogue.TIME_TO_HUMAN_P90,
                    KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, KpiCatalogue.IVR_ABANDONMENT,
                    KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER, KpiCatalogue.AVERAGE_SPEED_OF_ANSWER,
                    KpiCatalogue.SERVICE_LEVEL, KpiCatalogue.QUEUE_ABANDONMENT, KpiCatalogue.NO_HISTORY,
                    KpiCatalogue.PREFERRED_CHANNEL, KpiCatalogue.REPEAT_CONTACT_RATE,
                    KpiCatalogue.FIRST_CONTACT_RESOLUTION, KpiCatalogue.COST_TO_SERVE),
            SourceKind.SURVEY_RESPONSES, List.of(KpiCatalogue.NPS, KpiCatalogue.CSAT, KpiCatalogue.EFFORT,
                    KpiCatalogue.SURVEY_REACH, KpiCatalogue.SURVEY_REACH_GAP, KpiCatalogue.CLOSED_LOOP),
            SourceKind.SERVICE_CASES, List.of(KpiCatalogue.CLOSED_LOOP, KpiCatalogue.FIRST_CONTACT_RESOLUTION,
                    KpiCatalogue.REPEAT_CONTACT_RATE, KpiCatalogue.PREFERRED_CHANNEL, KpiCatalogue.COST_TO_SERVE),
            SourceKind.PURCHASES, List.of());

    private AffectedFigures() {
    }

    /**
     * The KPI codes fed by any of {@code kinds}, catalogue order where the catalogue has one; every code
     * in {@code allCodes} when customers are among them (or the kind is unknown: nothing delivered at all).
     */
    public static List<String> of(Collection<SourceKind> kinds, boolean nothingDelivered, List<String> allCodes) {
        if (nothingDelivered || kinds.contains(SourceKind.CUSTOMERS)) {
            return List.copyOf(new LinkedHashSet<>(allCodes));
        }
        Set<String> affected = new LinkedHashSet<>();
        for (SourceKind kind : kinds) {
            affected.addAll(FED_BY.getOrDefault(kind, List.of()));
            // every kind of contact moves engagement scores
            affected.addAll(ENGAGEMENT);
        }
        return allCodes.stream().filter(affected::contains).distinct().toList();
    }
}
