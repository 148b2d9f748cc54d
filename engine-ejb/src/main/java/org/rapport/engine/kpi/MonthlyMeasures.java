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
                new MomentsOfTruthMeasures(entityManager));
    }

    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measurements = new ArrayList<>();
        families.forEach(family -> measurements.addAll(family.measure(month)));
        measurements.sort((left, right) -> Integer.compare(
                KpiCatalogue.position(left.code()), KpiCatalogue.position(right.code())));
        return measurements;
    }
}
