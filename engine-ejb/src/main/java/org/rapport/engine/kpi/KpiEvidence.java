package org.rapport.engine.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rapport.engine.kpi.MonthObservations.Evidence;

/**
 * The kind of record each KPI rests on. Where the month holds none, the KPI is withheld as "no data"
 * even when its formula would give a number: churn of 0 % from a customer file that ends before the
 * month, closed loop of 0 % when no service case was delivered to show a call-back, £0 cost to serve
 * when no contact was delivered. Codes the catalogue lacks are not withheld.
 *
 * <p>The same needs say why a figure is "no data" ({@link #noDataReason}): the pack and the API word the reason
 * from what the KPI lacks, so a KPI added to the catalogue is explained as soon as its needs are declared here.
 */
public final class KpiEvidence {

    private static final Need NOTHING = new Need(Set.of(), Set.of());

    private KpiEvidence() {
    }

    /**
     * What a KPI needs the month to hold: every kind in {@code all}, and at least one kind in {@code any} when
     * {@code any} is not empty.
     */
    record Need(Set<Evidence> all, Set<Evidence> any) {

        static Need of(Evidence... kinds) {
            return new Need(Set.of(kinds), Set.of());
        }

        static Need anyOf(Evidence... kinds) {
            return new Need(Set.of(), Set.of(kinds));
        }

        boolean metBy(MonthObservations month) {
            return all.stream().allMatch(month::holds) && (any.isEmpty() || any.stream().anyMatch(month::holds));
        }

        /** The kinds it rests on, in the order the board reads them. */
        List<Evidence> kinds() {
            return Evidence.inOrder(all.isEmpty() ? any : all);
        }
    }

    /** What {@code code} needs the month to hold before it can have a value. */
    static Need need(String code) {
        if (code.startsWith(KpiCatalogue.CHURN_SHARE_PREFIX)) {
            return Need.of(Evidence.CUSTOMERS);
        }
        return switch (code) {
            case KpiCatalogue.NPS, KpiCatalogue.CSAT, KpiCatalogue.EFFORT, KpiCatalogue.SURVEY_REACH,
                    KpiCatalogue.SURVEY_REACH_GAP -> Need.of(Evidence.RESPONSES);
            // A detractor not called back is known only from a CRM that records call-backs for the month.
            case KpiCatalogue.CLOSED_LOOP -> Need.of(Evidence.RESPONSES, Evidence.SERVICE_CASES);
            case KpiCatalogue.CHURN_RATE, KpiCatalogue.VALUE_LOST, KpiCatalogue.CHURN_CONTROLLABLE_SHARE ->
                    Need.of(Evidence.CUSTOMERS);
            case KpiCatalogue.TIME_TO_HUMAN_MEAN, KpiCatalogue.TIME_TO_HUMAN_P90, KpiCatalogue.TIME_TO_HUMAN_OVER_9_5,
                    KpiCatalogue.IVR_ABANDONMENT, KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER,
                    KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, KpiCatalogue.SERVICE_LEVEL, KpiCatalogue.QUEUE_ABANDONMENT,
                    KpiCatalogue.NO_HISTORY, KpiCatalogue.PREFERRED_CHANNEL, KpiCatalogue.REPEAT_CONTACT_RATE ->
                    Need.of(Evidence.CALLS);
            case KpiCatalogue.FIRST_CONTACT_RESOLUTION -> Need.of(Evidence.SERVICE_CASES);
            // Contacts to price: calls, or cases that came in some other way.
            case KpiCatalogue.COST_TO_SERVE -> Need.anyOf(Evidence.CALLS, Evidence.SERVICE_CASES);
            // Engagement is scored on anything customers did that the store knows of.
            case KpiCatalogue.ENGAGEMENT_INDEX, KpiCatalogue.ENGAGED_SHARE, KpiCatalogue.STAGE_UP_SHARE,
                    KpiCatalogue.STAGE_DOWN_SHARE -> Need.anyOf(Evidence.CALLS, Evidence.RESPONSES,
                    Evidence.SERVICE_CASES, Evidence.PURCHASES);
            default -> NOTHING;
        };
    }

    /** Whether the month holds what {@code code} rests on. */
    public static boolean observed(String code, MonthObservations month) {
        return need(code).metBy(month);
    }

    /** The measurements with every figure the month holds no evidence for turned into "no data" over nothing. */
    public static List<Measurement> withholdUnobserved(List<Measurement> measurements, MonthObservations month) {
        return measurements.stream()
                .map(m -> observed(m.code(), month) ? m : new Measurement(m.code(), m.dimension(), null, 0))
                .toList();
    }

    /**
     * Why {@code code} has no figure for the month, in the board's words: what it rests on and the month lacks
     * ("no service cases in the month", "no calls or service cases in the month"), or, when the month holds those
     * records, that none of them is one the KPI counts (no answered call for the speed of answer, no customer of
     * a segment for that segment's figure).
     *
     * @param overall false for a slice (segment, value band …) of the figure
     */
    public static String noDataReason(String code, boolean overall, MonthObservations month) {
        Need need = need(code);
        if (need.metBy(month)) {
            List<Evidence> kinds = need.kinds();
            String among = kinds.isEmpty() ? "in the month's records"
                    : "among the month's " + list(kinds.stream().map(Evidence::noun).toList(), " and ");
            return "nothing to count " + among + (overall ? "" : " in this slice");
        }
        if (!need.all().isEmpty()) {
            List<String> missing = Evidence.inOrder(need.all()).stream().filter(kind -> !month.holds(kind))
                    .map(Evidence::absence).toList();
            if (!missing.isEmpty()) {
                return list(missing, " and ");
            }
        }
        return "no " + list(Evidence.inOrder(need.any()).stream().map(Evidence::noun).toList(), " or ")
                + " in the month";
    }

    /** "a", "a and b", "a, b and c" (with {@code last} as the final joint). */
    private static String list(List<String> parts, String last) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        List<String> head = new ArrayList<>(parts.subList(0, parts.size() - 1));
        return String.join(", ", head) + last + parts.get(parts.size() - 1);
    }
}
