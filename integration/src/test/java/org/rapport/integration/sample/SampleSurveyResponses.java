package org.rapport.integration.sample;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Survey responses over twelve months. CSAT is the customer's satisfaction score from the status
 * table; NPS and effort follow it with some noise. High-value customers answer more often than
 * low-value ones, so survey reach differs by value band as it does in life. Comments are short
 * and generic: no personal data.
 */
final class SampleSurveyResponses {

    static final List<String> COLUMNS = List.of("response_id", "customer_id", "responded_at", "survey",
            "touchpoint", "nps", "csat", "effort", "comment");

    static final int RESPONSES_IN_LAST_MONTH = 150;
    static final int RESPONSES_IN_EARLIER_MONTHS = 450;
    static final Map<String, Double> ANSWER_WEIGHT_BY_VALUE_BAND = Map.of("high", 1.3, "medium", 1.0, "low", 0.7);
    static final List<String> CONTACT_TOUCHPOINTS = List.of("call", "web-chat", "shop", "engineer-visit", "billing");

    static final List<String> UNHAPPY_COMMENTS = List.of(
            "Had to explain my problem twice.",
            "Waited far too long to speak to someone.",
            "Kept going round the phone menu.",
            "Nobody called me back as promised.",
            "The bill went up again without warning.",
            "Please add evening call-backs.");
    static final List<String> MIXED_COMMENTS = List.of(
            "Fine, but it took longer than it should.",
            "Sorted in the end.",
            "Would like to pay by app.",
            "Okay service, nothing special.",
            "Please add evening call-backs.");
    static final List<String> HAPPY_COMMENTS = List.of(
            "Quick and friendly help.",
            "Easy to sort out online.",
            "The engineer was on time and explained everything.",
            "Solved first time, thank you.",
            "Would like to pay by app.");

    record Response(String responseId, String customerId, LocalDateTime respondedAt, String survey, String touchpoint,
            Integer nps, int csat, Integer effort, String comment) {

        Response withId(String id) {
            return new Response(id, customerId, respondedAt, survey, touchpoint, nps, csat, effort, comment);
        }

        List<Object> values() {
            return Arrays.asList(responseId, customerId, SampleDataGenerator.DATE_TIME.format(respondedAt), survey, touchpoint, nps, csat, effort, comment);
        }
    }

    private SampleSurveyResponses() {
    }

    /** {@value #RESPONSES_IN_LAST_MONTH} responses in {@code lastMonth}, the rest spread over the eleven before. */
    static List<Response> generate(List<SampleCustomer> customers, YearMonth lastMonth, Draws draws) {
        List<Response> responses = new ArrayList<>();
        int earlierMonths = 11;
        for (int offset = earlierMonths; offset >= 0; offset--) {
            YearMonth month = lastMonth.minusMonths(offset);
            int count = offset == 0 ? RESPONSES_IN_LAST_MONTH
                    : RESPONSES_IN_EARLIER_MONTHS / earlierMonths
                            + (offset <= RESPONSES_IN_EARLIER_MONTHS % earlierMonths ? 1 : 0);
            for (int index = 0; index < count; index++) {
                responses.add(response(customers, month, draws));
            }
        }
        responses.sort(Comparator.comparing(Response::respondedAt));
        List<Response> numbered = new ArrayList<>();
        for (Response response : responses) {
            numbered.add(response.withId(String.format("SR-%05d", numbered.size() + 1)));
        }
        return numbered;
    }

    private static Response response(List<SampleCustomer> customers, YearMonth month, Draws draws) {
        LocalDateTime respondedAt = month.atDay(draws.between(1, month.lengthOfMonth()))
                .atTime(draws.between(9, 21), draws.between(0, 59), draws.between(0, 59));
        List<SampleCustomer> eligible = customers.stream()
                .filter(customer -> customer.isCustomerOn(respondedAt.toLocalDate()))
                .toList();
        SampleCustomer customer = draws.weighted(eligible,
                candidate -> ANSWER_WEIGHT_BY_VALUE_BAND.get(candidate.valueBand()));
        int csat = customer.source().satisfactionScore();
        Integer nps = draws.chance(0.04) ? null : draws.normal(2 * csat - 0.5, 1.3, 0, 10);
        Integer effort = draws.chance(0.10) ? null : draws.normal(1.2 * csat + 0.6, 0.9, 1, 7);
        boolean relationship = draws.chance(0.40);
        return new Response(null, customer.source().id(), respondedAt,
                relationship ? "relationship-nps" : "post-contact",
                relationship ? "relationship" : draws.oneOf(CONTACT_TOUCHPOINTS),
                nps, csat, effort, draws.chance(0.55) ? null : comment(csat, draws));
    }

    private static String comment(int csat, Draws draws) {
        return draws.oneOf(csat <= 2 ? UNHAPPY_COMMENTS : csat == 3 ? MIXED_COMMENTS : HAPPY_COMMENTS);
    }
}
