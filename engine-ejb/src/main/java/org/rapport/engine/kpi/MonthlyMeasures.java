package org.rapport.engine.kpi;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;

/** Every KPI family measured for one month, in catalogue order. */
public class MonthlyMeasures {

    private final EntityManager entityManager;
    private final ContactCosts costs;
    private final ZoneId zone;

    /** With the standard contact costs, service-case times read in UTC. */
    public MonthlyMeasures(EntityManager entityManager) {
        this(entityManager, ContactCosts.standard(), ZoneOffset.UTC);
    }

    /**
     * @param costs what a contact costs per channel, for cost to serve
     * @param zone  the contact centre's time zone, in which service-case instants are cut into days
     */
    public MonthlyMeasures(EntityManager entityManager, ContactCosts costs, ZoneId zone) {
        this.entityManager = entityManager;
        this.costs = costs;
        this.zone = zone;
    }

    /** Every figure of the month; a figure whose kind of record the month lacks is "no data" ({@link KpiEvidence}). */
    public List<Measurement> measure(ReportingMonth month) {
        return measure(new MonthReading(entityManager, month, zone));
    }

    /**
     * Every figure of the month {@code reading} holds, from what it read ahead and what it reads now (each
     * kind of record once, shared by the families that measure from it).
     */
    public List<Measurement> measure(MonthReading reading) {
        if (!reading.zone().equals(zone)) {
            throw new IllegalArgumentException("The month was read in " + reading.zone() + ", not " + zone);
        }
        ReportingMonth month = reading.month();
        MonthPasses passes = reading.passes().using(entityManager);
        List<MeasureFamily> families = List.of(
                new VoiceOfCustomerMeasures(entityManager, zone, passes),
                new RetentionMeasures(entityManager, passes),
                new CostToServeMeasures(entityManager, costs, zone, passes),
                new MomentsOfTruthMeasures(passes),
                new ContactCentreMeasures(entityManager, zone, passes));
        MonthObservations observed = MonthObservations.of(entityManager, month, zone);
        List<Measurement> measurements = new ArrayList<>();
        families.forEach(family ->
                measurements.addAll(KpiEvidence.withholdUnobserved(family.measure(month), observed)));
        // Catalogue order, overall first within a code (the sort is stable).
        measurements.sort(Comparator.comparingInt((Measurement m) -> KpiCatalogue.position(m.code()))
                .thenComparing(m -> !m.dimension().equals(Measurement.OVERALL)));
        return measurements;
    }
}
