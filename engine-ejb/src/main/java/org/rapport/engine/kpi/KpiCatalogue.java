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
    public static final String CLOSED_LOOP = "CLOSED_LOOP";
    public static final String FIRST_CONTACT_RESOLUTION = "FIRST_CONTACT_RESOLUTION";
    public static final String COST_TO_SERVE = "COST_TO_SERVE";
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

    private static final List<Breakdown> NONE = List.of();
    private static final List<Breakdown> CUSTOMER = List.of(Breakdown.SEGMENT, Breakdown.VALUE_BAND);
    private static final List<Breakdown> CUSTOMER_AND_CHANNEL = List.of(Breakdown.SEGMENT, Breakdown.VALUE_BAND,
            Breakdown.CHANNEL);
    private static final List<Breakdown> CUSTOMER_AND_TOUCHPOINT = CUSTOMER_AND_CHANNEL;
    private static final String SURVEY_SLICES = "By the customer's segment and value band (answers from known"
            + " customers), and by channel: the touchpoint the survey was taken at.";
    private static final String CALL_SLICES = "By the caller's segment and value band (calls from known customers),"
            + " and by the call's channel.";
    private static final String ENGAGEMENT_SLICES = "By the customer's segment and value band. Not by channel: a"
            + " customer's engagement is theirs, not a contact's.";

    static {
        define(NPS, "Net Promoter Score", "score",
                "% promoters (9–10) minus % detractors (0–6) among NPS answers given in the month; −100..100, higher is better",
                CUSTOMER_AND_TOUCHPOINT, SURVEY_SLICES);
        define(CSAT, "Customer satisfaction", "%",
                "Share of CSAT answers in the month scoring 4 or 5 on 1–5; higher is better",
                CUSTOMER_AND_TOUCHPOINT, SURVEY_SLICES);
        define(SURVEY_REACH, "Survey reach", "%",
                "Share of customers active at month end with a survey response in the 12 months to month end; higher is better",
                CUSTOMER, "By the customer's segment and value band. Not by channel: reach counts customers"
                        + " heard from in any survey, not contacts.");
        define(CHURN_RATE, "Churn rate", "%",
                "Customers lost in the month as a share of customers active at its start; lower is better",
                CUSTOMER, "By the customer's segment and value band. Not by channel: leaving is not a contact.");
        define(VALUE_LOST, "Value lost", "£",
                "Annual value of customers lost in the month (£248 a year where unknown); lower is better",
                CUSTOMER, "By the customer's segment and value band. Not by channel: leaving is not a contact.");
        define(TIME_TO_HUMAN_MEAN, "Time to reach a human (mean)", "min",
                "Mean minutes in IVR and queue before an agent answered, over answered calls that wanted an agent; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(TIME_TO_HUMAN_P90, "Time to reach a human (P90)", "min",
                "90th percentile (interpolated) of minutes in IVR and queue before an agent answered, over answered calls that wanted an agent; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(TIME_TO_HUMAN_OVER_9_5, "Waited over 9.5 minutes for a human", "%",
                "Share of answered calls that wanted an agent and took more than 9.5 minutes (the published average) to reach one; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(IVR_ABANDONMENT, "IVR abandonment", "%",
                "Share of the month's calls abandoned inside the IVR; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(EFFORT, "Customer effort", "score",
                "Mean answer to \"the company made it easy\" on 1–7 among the month's responses; higher is better",
                CUSTOMER_AND_TOUCHPOINT, SURVEY_SLICES);
        define(SURVEY_REACH_GAP, "Survey reach gap", "points",
                "Survey reach of the best-reached value band minus that of the worst-reached; lower is better",
                NONE, "None: it is itself a comparison of the value bands' survey reach.");
        define(CLOSED_LOOP, "Detractors contacted back within 2 working days", "%",
                "Share of the month's detractor answers (NPS 0–6) from known customers who agreed to be contacted that"
                        + " were followed by a call-back case opened at or after the answer and by the end of the second"
                        + " working day (Monday to Friday) after the day of the answer; higher is better",
                CUSTOMER_AND_TOUCHPOINT, "By the customer's segment and value band, and by channel: the touchpoint"
                        + " of the survey the detractor answered.");
        define(REIDENTIFIED_AFTER_TRANSFER, "Asked to identify again after a transfer", "%",
                "Share of the month's transferred calls in which the caller had to identify again; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(AVERAGE_SPEED_OF_ANSWER, "Average speed of answer", "s",
                "Mean seconds in the queue before an agent answered, over answered calls; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(SERVICE_LEVEL, "Service level", "%",
                "Share of queued calls (answered or abandoned in the queue) answered within 20 seconds; higher is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(QUEUE_ABANDONMENT, "Queue abandonment", "%",
                "Share of queued calls abandoned in the queue; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(NO_HISTORY, "Agent without the customer's history", "%",
                "Share of answered calls where the agent did not see the customer's history, where the system says; lower is better",
                CUSTOMER_AND_CHANNEL, CALL_SLICES);
        define(PREFERRED_CHANNEL, "Contacts in the preferred channel", "%",
                "Share of the month's calls from known customers made in the customer's preferred channel; higher is better",
                CUSTOMER, "By the customer's segment and value band. Not by channel: the KPI compares the channel"
                        + " with the preference, so each channel's slice would only restate it.");
        define(FIRST_CONTACT_RESOLUTION, "First-contact resolution", "%",
                "Share of the month's complaints, requests and enquiries (service cases) closed on the day they were"
                        + " opened, in the contact centre's time zone; a case still open is not resolved; higher is better",
                CUSTOMER_AND_CHANNEL, "By the customer's segment and value band (known customers only), and by the"
                        + " channel the case came in by.");
        define(REPEAT_CONTACT_RATE, "Repeat contacts within 7 days", "%",
                "Share of the month's calls from known customers followed by another call from them within 7 days; lower is better",
                CUSTOMER_AND_CHANNEL, "By the customer's segment and value band, and by the channel of the first call.");
        for (String reason : List.of("TREATMENT", "PRODUCT", "BETTER_OFFER", "SERIAL_SWITCHER", "STOPPED_USING",
                "DECEASED")) {
            define(CHURN_SHARE_PREFIX + reason, "Leavers: " + reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    "%", "Share of the month's leavers with a known reason who left for this one, against the published baseline",
                    NONE, "None: each reason's share already divides the month's leavers, a handful of whom would"
                            + " remain in a segment or band; see the controllable share for that.");
        }
        define(CHURN_CONTROLLABLE_SHARE, "Leavers for reasons we control", "%",
                "Share of the month's leavers with a known reason who left over treatment or the product or service (baseline 82 %); lower is better",
                CUSTOMER, "By the customer's segment and value band. Not by channel: leaving is not a contact.");
        define(COST_TO_SERVE, "Cost to serve", "£",
                "Cost of the month's contacts per customer active at month end: answered calls at their channel's cost"
                        + " per contact, calls completed in self-service at the self-service cost, and service cases"
                        + " opened outside the phone channel at their channel's cost (a phone case is the call itself);"
                        + " costs per contact are configured (rapport.cost-per-contact); lower is better",
                List.of(Breakdown.SEGMENT, Breakdown.VALUE_BAND, Breakdown.CHANNEL, Breakdown.ENGAGEMENT),
                "By the customer's segment and value band (their contacts over their number); by channel (that"
                        + " channel's contacts over all active customers, so the channels add up to the whole, contacts without a"
                        + " channel aside); by"
                        + " engagement (engaged customers, stage regular, loyal or advocate, against the other"
                        + " customers scored), measured once the customers are scored.");
        define(ENGAGEMENT_INDEX, "Engagement index", "score",
                "Mean engagement index (0–100, the cognitive, emotional and behavioural pillars weighted by the rules) of the customers scored at month end; customers without consent to analytics are not scored; higher is better",
                CUSTOMER, ENGAGEMENT_SLICES);
        define(ENGAGED_SHARE, "Engaged customers", "%",
                "Share of the customers scored at month end whose stage is regular, loyal or advocate; higher is better",
                CUSTOMER, ENGAGEMENT_SLICES);
        define(STAGE_UP_SHARE, "Customers moving up a stage", "%",
                "Share of the customers scored at month end whose stage is higher than in the previous month's published run; higher is better",
                CUSTOMER, ENGAGEMENT_SLICES);
        define(STAGE_DOWN_SHARE, "Customers moving down a stage", "%",
                "Share of the customers scored at month end whose stage is lower than in the previous month's published run; lower is better",
                CUSTOMER, ENGAGEMENT_SLICES);
    }

    private KpiCatalogue() {
    }

    private static void define(String code, String name, String unit, String definition, List<Breakdown> breakdowns,
            String breakdownNote) {
        DEFINITIONS.put(code, new KpiDefinition(code, name, unit, definition,
                breakdowns.stream().map(Breakdown::dimensionName).toList(), breakdownNote));
    }

    public static List<KpiDefinition> all() {
        return List.copyOf(DEFINITIONS.values());
    }

    public static Optional<KpiDefinition> find(String code) {
        return Optional.ofNullable(DEFINITIONS.get(code));
    }

    /** The unit {@code code} is measured in ("%", "£"…), which decides how it is shown; null for an unknown code. */
    public static String unit(String code) {
        KpiDefinition definition = DEFINITIONS.get(code);
        return definition == null ? null : definition.unit();
    }

    /** The breakdowns {@code code} is measured by besides overall; none for a code the catalogue lacks. */
    public static List<Breakdown> breakdowns(String code) {
        KpiDefinition definition = DEFINITIONS.get(code);
        if (definition == null) {
            return List.of();
        }
        return java.util.Arrays.stream(Breakdown.values()).filter(definition::isBrokenDownBy).toList();
    }

    /**
     * Whether a stored figure is measured by the scoring step rather than with the others: the engagement
     * KPIs, and any slice by engagement, need the month's customer scores.
     */
    public static boolean measuredWhenScoring(String code, String dimension) {
        return ENGAGEMENT_CODES.contains(code) || dimension.startsWith(Breakdown.ENGAGEMENT.prefix());
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
