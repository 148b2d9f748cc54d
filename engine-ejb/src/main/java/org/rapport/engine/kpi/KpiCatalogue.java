package org.rapport.engine.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KPIs Rapport measures, in the order a pack shows them. */
public final class KpiCatalogue {

    public static final String NPS = "NPS";
    public static final String CSAT = "CSAT";
    public static final String SURVEY_REACH = "SURVEY_REACH";
    public static final String CHURN_RATE = "CHURN_RATE";
    public static final String VALUE_LOST = "VALUE_LOST";
    public static final String TIME_TO_HUMAN_MEAN = "TIME_TO_HUMAN_MEAN";
    public static final String TIME_TO_HUMAN_P90 = "TIME_TO_HUMAN_P90";
    public static final String TIME_TO_HUMAN_OVER_9_5 = "TIME_TO_HUMAN_OVER_9_5";
    public static final String IVR_ABANDONMENT = "IVR_ABANDONMENT";
    public static final String EFFORT = "EFFORT";
    public static final String SURVEY_REACH_GAP = "SURVEY_REACH_GAP";
    public static final String REIDENTIFIED_AFTER_TRANSFER = "REIDENTIFIED_AFTER_TRANSFER";
    public static final String AVERAGE_SPEED_OF_ANSWER = "AVERAGE_SPEED_OF_ANSWER";
    public static final String SERVICE_LEVEL = "SERVICE_LEVEL";
    public static final String QUEUE_ABANDONMENT = "QUEUE_ABANDONMENT";
    public static final String NO_HISTORY = "NO_HISTORY";
    public static final String PREFERRED_CHANNEL = "PREFERRED_CHANNEL";
    public static final String REPEAT_CONTACT_RATE = "REPEAT_CONTACT_RATE";
    public static final String CHURN_SHARE_PREFIX = "CHURN_SHARE_";
    public static final String CHURN_CONTROLLABLE_SHARE = "CHURN_CONTROLLABLE_SHARE";
    public static final String ENGAGEMENT_INDEX = "ENGAGEMENT_INDEX";
    public static final String ENGAGED_SHARE = "ENGAGED_SHARE";
    public static final String STAGE_UP_SHARE = "STAGE_UP_SHARE";
    public static final String STAGE_DOWN_SHARE = "STAGE_DOWN_SHARE";
    /** The KPIs measured from customer scores, after the scoring step rather than with the others. */
    public static final List<String> ENGAGEMENT_CODES = List.of(ENGAGEMENT_INDEX, ENGAGED_SHARE, STAGE_UP_SHARE,
            STAGE_DOWN_SHARE);

    private static final Map<String, KpiDefinition> DEFINITIONS = new LinkedHashMap<>();

    static {
        define(NPS, "Net Promoter Score", "score",
                "% promoters (9–10) minus % detractors (0–6) among NPS answers given in the month; −100..100, higher is better");
        define(CSAT, "Customer satisfaction", "%",
                "Share of CSAT answers in the month scoring 4 or 5 on 1–5; higher is better");
        define(SURVEY_REACH, "Survey reach", "%",
                "Share of customers active at month end with a survey response in the 12 months to month end; higher is better");
        define(CHURN_RATE, "Churn rate", "%",
                "Customers lost in the month as a share of customers active at its start; lower is better");
        define(VALUE_LOST, "Value lost", "£",
                "Annual value of customers lost in the month (£248 a year where unknown); lower is better");
        define(TIME_TO_HUMAN_MEAN, "Time to reach a human (mean)", "min",
                "Mean minutes in IVR and queue before an agent answered, over answered calls that wanted an agent; lower is better");
        define(TIME_TO_HUMAN_P90, "Time to reach a human (P90)", "min",
                "90th percentile (interpolated) of minutes in IVR and queue before an agent answered, over answered calls that wanted an agent; lower is better");
        define(TIME_TO_HUMAN_OVER_9_5, "Waited over 9.5 minutes for a human", "%",
                "Share of answered calls that wanted an agent and took more than 9.5 minutes (the published average) to reach one; lower is better");
        define(IVR_ABANDONMENT, "IVR abandonment", "%",
                "Share of the month's calls abandoned inside the IVR; lower is better");
        define(EFFORT, "Customer effort", "score",
                "Mean answer to \"the company made it easy\" on 1–7 among the month's responses; higher is better");
        define(SURVEY_REACH_GAP, "Survey reach gap", "points",
                "Survey reach of the best-reached value band minus that of the worst-reached; lower is better");
        define(REIDENTIFIED_AFTER_TRANSFER, "Asked to identify again after a transfer", "%",
                "Share of the month's transferred calls in which the caller had to identify again; lower is better");
        define(AVERAGE_SPEED_OF_ANSWER, "Average speed of answer", "s",
                "Mean seconds in the queue before an agent answered, over answered calls; lower is better");
        define(SERVICE_LEVEL, "Service level", "%",
                "Share of queued calls (answered or abandoned in the queue) answered within 20 seconds; higher is better");
        define(QUEUE_ABANDONMENT, "Queue abandonment", "%",
                "Share of queued calls abandoned in the queue; lower is better");
        define(NO_HISTORY, "Agent without the customer's history", "%",
                "Share of answered calls where the agent did not see the customer's history, where the system says; lower is better");
        define(PREFERRED_CHANNEL, "Contacts in the preferred channel", "%",
                "Share of the month's calls from known customers made in the customer's preferred channel; higher is better");
        define(REPEAT_CONTACT_RATE, "Repeat contacts within 7 days", "%",
                "Share of the month's calls from known customers followed by another call from them within 7 days; lower is better");
        for (String reason : List.of("TREATMENT", "PRODUCT", "BETTER_OFFER", "SERIAL_SWITCHER", "STOPPED_USING",
                "DECEASED")) {
            define(CHURN_SHARE_PREFIX + reason, "Leavers: " + reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    "%", "Share of the month's leavers with a known reason who left for this one, against the published baseline");
        }
        define(CHURN_CONTROLLABLE_SHARE, "Leavers for reasons we control", "%",
                "Share of the month's leavers with a known reason who left over treatment or the product or service (baseline 82 %); lower is better");
        define(ENGAGEMENT_INDEX, "Engagement index", "score",
                "Mean engagement index (0–100, the cognitive, emotional and behavioural pillars weighted by the rules) of the customers scored at month end; customers without consent to analytics are not scored; higher is better");
        define(ENGAGED_SHARE, "Engaged customers", "%",
                "Share of the customers scored at month end whose stage is regular, loyal or advocate; higher is better");
        define(STAGE_UP_SHARE, "Customers moving up a stage", "%",
                "Share of the customers scored at month end whose stage is higher than in the previous month's published run; higher is better");
        define(STAGE_DOWN_SHARE, "Customers moving down a stage", "%",
                "Share of the customers scored at month end whose stage is lower than in the previous month's published run; lower is better");
    }

    private KpiCatalogue() {
    }

    private static void define(String code, String name, String unit, String definition) {
        DEFINITIONS.put(code, new KpiDefinition(code, name, unit, definition));
    }

    public static List<KpiDefinition> all() {
        return List.copyOf(DEFINITIONS.values());
    }

    public static Optional<KpiDefinition> find(String code) {
        return Optional.ofNullable(DEFINITIONS.get(code));
    }

    /** Catalogue position, for ordering; unknown codes go last. */
    public static int position(String code) {
        int position = 0;
        for (String known : DEFINITIONS.keySet()) {
            if (known.equals(code)) {
                return position;
            }
            position++;
        }
        return Integer.MAX_VALUE;
    }
}
