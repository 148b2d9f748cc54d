package org.rapport.engine.snapshot;

import static org.rapport.engine.snapshot.KpiDirection.HIGHER_IS_BETTER;
import static org.rapport.engine.snapshot.KpiDirection.LOWER_IS_BETTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;

/**
 * What the pack needs to know about each KPI code beyond its value: which way is better, which section
 * shows it, and which moment of truth it measures. Keyed by code in one table rather than read from the
 * definition's wording, which the strategy team may rephrase.
 *
 * <p>A code listed here that a run did not store (an older run, a month without the data) still gets its
 * place in the pack, shown as "no data" or "not measured yet". A code missing here falls back to the catalogue definition's "higher is better"
 * / "lower is better" phrase.
 */
public final class KpiTraits {

    // Codes as the measures and the default rule set's target table name them. Spelt out here rather than
    // taken from KpiCatalogue so this table also covers KPIs whose measure has not landed yet.
    public static final String ENGAGEMENT_INDEX = "ENGAGEMENT_INDEX";
    public static final String ENGAGED_SHARE = "ENGAGED_SHARE";
    public static final String STAGE_UP_SHARE = "STAGE_UP_SHARE";
    public static final String STAGE_DOWN_SHARE = "STAGE_DOWN_SHARE";
    public static final String EFFORT = "EFFORT";
    public static final String SURVEY_REACH_GAP = "SURVEY_REACH_GAP";
    public static final String CLOSED_LOOP = "CLOSED_LOOP";
    public static final String CHURN_CONTROLLABLE_SHARE = "CHURN_CONTROLLABLE_SHARE";
    public static final String COST_TO_SERVE = "COST_TO_SERVE";
    public static final String REIDENTIFIED_AFTER_TRANSFER = "REIDENTIFIED_AFTER_TRANSFER";
    public static final String AVERAGE_SPEED_OF_ANSWER = "AVERAGE_SPEED_OF_ANSWER";
    public static final String SERVICE_LEVEL = "SERVICE_LEVEL";
    public static final String QUEUE_ABANDONMENT = "QUEUE_ABANDONMENT";
    public static final String NO_HISTORY = "NO_HISTORY";
    public static final String PREFERRED_CHANNEL = "PREFERRED_CHANNEL";
    public static final String FIRST_CONTACT_RESOLUTION = "FIRST_CONTACT_RESOLUTION";
    public static final String REPEAT_CONTACT_RATE = "REPEAT_CONTACT_RATE";
    /**
     * "CHURN_SHARE_TREATMENT" …: each churn reason's share of leavers, graded against the published
     * baseline. The retention section's reasons table shows their RAG beside its counts, so they are in
     * no KPI table, have no direction here and take no part in "what we do well and badly" (a handful of
     * leavers moves them by tens of points).
     */
    public static final String CHURN_SHARE_PREFIX = "CHURN_SHARE_";

    /** The executive summary's tiles, in the order DESIGN.md names them. */
    public static final List<String> HEADLINE_CODES = List.of(ENGAGEMENT_INDEX, KpiCatalogue.NPS,
            KpiCatalogue.CHURN_RATE, KpiCatalogue.VALUE_LOST, KpiCatalogue.TIME_TO_HUMAN_P90, FIRST_CONTACT_RESOLUTION);

    /** The five moments of truth (DESIGN.md), and 6 for the companion measures. */
    public static final Map<Integer, String> MOMENTS = Map.of(
            1, "Repeating information",
            2, "Trapped in self-service",
            3, "Waiting too long",
            4, "Agent does not know the history",
            5, "Not my channel",
            6, "Resolution");

    /** Which section of the pack shows a KPI. */
    public enum Family {
        VOICE_OF_CUSTOMER, ENGAGEMENT, RETENTION, MOMENTS_OF_TRUTH
    }

    /**
     * @param direction    which way is better
     * @param family       the section that shows it
     * @param moment       1–6 for moments-of-truth KPIs, 0 otherwise
     * @param fallbackName the name to print when the catalogue does not define the code yet
     * @param unit         the unit to print in that case
     */
    public record Traits(KpiDirection direction, Family family, int moment, String fallbackName, String unit) {
    }

    private static final Map<String, Traits> TRAITS = new LinkedHashMap<>();

    static {
        voice(KpiCatalogue.NPS, HIGHER_IS_BETTER, "Net Promoter Score", "score");
        voice(KpiCatalogue.CSAT, HIGHER_IS_BETTER, "Customer satisfaction", "%");
        voice(EFFORT, HIGHER_IS_BETTER, "Customer effort", "score");
        voice(KpiCatalogue.SURVEY_REACH, HIGHER_IS_BETTER, "Survey reach", "%");
        voice(SURVEY_REACH_GAP, LOWER_IS_BETTER, "Survey reach gap", "points");
        voice(CLOSED_LOOP, HIGHER_IS_BETTER, "Detractors contacted back within 2 working days", "%");
        engagement(ENGAGEMENT_INDEX, HIGHER_IS_BETTER, "Engagement index", "score");
        engagement(ENGAGED_SHARE, HIGHER_IS_BETTER, "Engaged customers (regular, loyal, advocate)", "%");
        engagement(STAGE_UP_SHARE, HIGHER_IS_BETTER, "Customers moving up a stage", "%");
        engagement(STAGE_DOWN_SHARE, LOWER_IS_BETTER, "Customers moving down a stage", "%");
        retention(KpiCatalogue.CHURN_RATE, LOWER_IS_BETTER, "Churn rate", "%");
        retention(KpiCatalogue.VALUE_LOST, LOWER_IS_BETTER, "Value lost", "£");
        retention(CHURN_CONTROLLABLE_SHARE, LOWER_IS_BETTER, "Leavers for reasons we control", "%");
        retention(COST_TO_SERVE, LOWER_IS_BETTER, "Cost to serve", "£");
        moment(REIDENTIFIED_AFTER_TRANSFER, 1, LOWER_IS_BETTER, "Asked to identify again after a transfer", "%");
        moment(KpiCatalogue.TIME_TO_HUMAN_MEAN, 2, LOWER_IS_BETTER, "Time to reach a human (mean)", "min");
        moment(KpiCatalogue.TIME_TO_HUMAN_P90, 2, LOWER_IS_BETTER, "Time to reach a human (P90)", "min");
        moment(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, 2, LOWER_IS_BETTER, "Waited over 9.5 minutes for a human", "%");
        moment(KpiCatalogue.IVR_ABANDONMENT, 2, LOWER_IS_BETTER, "IVR abandonment", "%");
        moment(AVERAGE_SPEED_OF_ANSWER, 3, LOWER_IS_BETTER, "Average speed of answer", "s");
        moment(SERVICE_LEVEL, 3, HIGHER_IS_BETTER, "Service level", "%");
        moment(QUEUE_ABANDONMENT, 3, LOWER_IS_BETTER, "Queue abandonment", "%");
        moment(NO_HISTORY, 4, LOWER_IS_BETTER, "Agent without the customer's history", "%");
        moment(PREFERRED_CHANNEL, 5, HIGHER_IS_BETTER, "Contacts in the preferred channel", "%");
        moment(FIRST_CONTACT_RESOLUTION, 6, HIGHER_IS_BETTER, "First-contact resolution", "%");
        moment(REPEAT_CONTACT_RATE, 6, LOWER_IS_BETTER, "Repeat contacts within 7 days", "%");
    }

    private KpiTraits() {
    }

    private static void voice(String code, KpiDirection direction, String name, String unit) {
        define(code, direction, Family.VOICE_OF_CUSTOMER, 0, name, unit);
    }

    private static void engagement(String code, KpiDirection direction, String name, String unit) {
        define(code, direction, Family.ENGAGEMENT, 0, name, unit);
    }

    private static void retention(String code, KpiDirection direction, String name, String unit) {
        define(code, direction, Family.RETENTION, 0, name, unit);
    }

    private static void moment(String code, int moment, KpiDirection direction, String name, String unit) {
        define(code, direction, Family.MOMENTS_OF_TRUTH, moment, name, unit);
    }

    private static void define(String code, KpiDirection direction, Family family, int moment, String name,
            String unit) {
        TRAITS.put(code, new Traits(direction, family, moment, name, unit));
    }

    public static Optional<Traits> of(String code) {
        return Optional.ofNullable(TRAITS.get(code));
    }

    /**
     * Which way is better for {@code code}: the table above, else the catalogue definition's wording, else
     * empty; always empty for the churn-reason shares.
     */
    public static Optional<KpiDirection> direction(String code) {
        Traits traits = TRAITS.get(code);
        if (traits != null) {
            return Optional.of(traits.direction());
        }
        if (code.startsWith(CHURN_SHARE_PREFIX)) {
            return Optional.empty();
        }
        return KpiCatalogue.find(code).flatMap(definition -> fromWording(definition.definition()));
    }

    /** The section whose KPI table shows {@code code}; none for the churn-reason shares (see {@link #CHURN_SHARE_PREFIX}). */
    public static Optional<Family> family(String code) {
        return of(code).map(Traits::family);
    }

    /** 1–6 for a moments-of-truth KPI, 0 otherwise. */
    public static int moment(String code) {
        return of(code).map(Traits::moment).orElse(0);
    }

    /** Codes of the moments-of-truth KPIs for one moment, in table order. */
    public static List<String> codesOfMoment(int moment) {
        return TRAITS.entrySet().stream().filter(entry -> entry.getValue().moment() == moment)
                .map(Map.Entry::getKey).toList();
    }

    /** The catalogue's definition, else one made from the fallback name, else the code itself. */
    public static KpiDefinition definition(String code) {
        return KpiCatalogue.find(code).orElseGet(() -> of(code)
                .map(traits -> new KpiDefinition(code, traits.fallbackName(), traits.unit(),
                        "Not measured by this version of Rapport yet.", List.of(), "Not measured yet."))
                .orElse(new KpiDefinition(code, code, "", "Not in the KPI catalogue.", List.of(),
                        "Not in the KPI catalogue.")));
    }

    static Optional<KpiDirection> fromWording(String definition) {
        String text = definition == null ? "" : definition.toLowerCase(Locale.ROOT);
        if (text.contains("higher is better")) {
            return Optional.of(HIGHER_IS_BETTER);
        }
        if (text.contains("lower is better")) {
            return Optional.of(LOWER_IS_BETTER);
        }
        return Optional.empty();
    }
}
