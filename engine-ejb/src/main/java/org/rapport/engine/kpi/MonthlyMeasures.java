package org.rapport.engine.kpi;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

/** Every KPI family measured for one month, in catalogue order. */
public class MonthlyMeasures {

    private final List<MeasureFamily> families;

    public MonthlyMeasures(EntityManager entityManager) {
        this.families = List.of(
                new VoiceOfCustomerMeasures(entityManager),
                new RetentionMeasures(entityManager),
                new MomentsOfTruthMeasures(entityManager),
                new ContactCentreMeasures(entityManager));
    }

    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measurements = new ArrayList<>();
        families.forEach(family -> measurements.addAll(family.measure(month)));
        // Catalogue order, overall first within a code (the sort is stable).
        measurements.sort(java.util.Comparator.comparingInt((Measurement m) -> KpiCatalogue.position(m.code()))
                .thenComparing(m -> !m.dimension().equals(Measurement.OVERALL)));
        return measurements;
    }
}
