package org.rapport.engine.kpi;

import java.util.List;
import java.util.function.Predicate;

/**
 * The kind of record each KPI rests on. Where the month holds none, the KPI is withheld as "no data"
 * even when its formula would give a number: churn of 0 % from a customer file that ends before the
 * month, closed loop of 0 % when no service case was delivered to show a call-back, £0 cost to serve
 * when no contact was delivered. Codes the catalogue lacks are not withheld.
 */
public final class KpiEvidence {

    private KpiEvidence() {
    }

    /** What {@code code} needs the month to hold before it can have a value. */
    static Predicate<MonthObservations> required(String code) {
        if (code.startsWith(KpiCatalogue.CHURN_SHARE_PREFIX)) {
            return MonthObservations::customers;
        }
        return switch (code) {
            case KpiCatalogue.NPS, KpiCatalogue.CSAT, KpiCatalogue.EFFORT, KpiCatalogue.SURVEY_REACH,
                    KpiCatalogue.SURVEY_REACH_GAP -> MonthObservations::responses;
            // A detractor not called back is known only from a CRM that records call-backs for the month.
            case KpiCatalogue.CLOSED_LOOP -> month -> month.responses() && month.serviceCases();
            case KpiCatalogue.CHURN_RATE, KpiCatalogue.VALUE_LOST, KpiCatalogue.CHURN_CONTROLLABLE_SHARE ->
                    MonthObservations::customers;
            case KpiCatalogue.TIME_TO_HUMAN_MEAN, KpiCatalogue.TIME_TO_HUMAN_P90, KpiCatalogue.TIME_TO_HUMAN_OVER_9_5,
                    KpiCatalogue.IVR_ABANDONMENT, KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER,
                    KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, KpiCatalogue.SERVICE_LEVEL, KpiCatalogue.QUEUE_ABANDONMENT,
                    KpiCatalogue.NO_HISTORY, KpiCatalogue.PREFERRED_CHANNEL, KpiCatalogue.REPEAT_CONTACT_RATE ->
                    MonthObservations::calls;
            case KpiCatalogue.FIRST_CONTACT_RESOLUTION -> MonthObservations::serviceCases;
            case KpiCatalogue.COST_TO_SERVE -> MonthObservations::contacts;
            case KpiCatalogue.ENGAGEMENT_INDEX, KpiCatalogue.ENGAGED_SHARE, KpiCatalogue.STAGE_UP_SHARE,
                    KpiCatalogue.STAGE_DOWN_SHARE -> MonthObservations::anyBehaviour;
            default -> month -> true;
        };
    }

    /** Whether the month holds what {@code code} rests on. */
    public static boolean observed(String code, MonthObservations month) {
        return required(code).test(month);
    }

    /** The measurements with every figure the month holds no evidence for turned into "no data" over nothing. */
    public static List<Measurement> withholdUnobserved(List<Measurement> measurements, MonthObservations month) {
        return measurements.stream()
                .map(m -> observed(m.code(), month) ? m : new Measurement(m.code(), m.dimension(), null, 0))
                .toList();
    }
}
