package org.rapport.integration.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CRM's service cases over the twelve months: complaints (unhappy customers complain more:
 * chance 1.5 % × (6 − satisfaction score) a month), requests, enquiries and compliments (only from
 * customers scoring 4–5), each on a day the customer was with us, in their preferred channel six
 * times in ten. A case is closed the day it opened with a chance that depends on its kind and on the
 * month (the contact centre resolving more at the first contact over the year), else one to twelve
 * days later, and left open when that falls after the sample's last day. Then the call-backs: a
 * detractor (NPS 0–6) who agreed to be contacted is called back within two working days in most
 * months' answers, later in some, never in the rest. Texts are short generic sentences: no personal data.
 */
final class SampleServiceCases {

    static final List<String> COLUMNS = List.of("case_id", "customer_id", "opened_at", "closed_at", "channel", "kind",
            "category", "text");

    static final double COMPLAINT_CHANCE_PER_UNHAPPINESS = 0.015;
    static final double REQUEST_CHANCE = 0.10;
    static final double ENQUIRY_CHANCE = 0.04;
    static final double COMPLIMENT_CHANCE = 0.03;
    static final double PREFERRED_CHANNEL_CHANCE = 0.60;
    static final List<String> CHANNELS = List.of("phone", "web", "email", "app", "shop");

    /** Chance a case of each kind is closed the day it opened, in the first month; it rises month by month. */
    static final Map<String, Double> SAME_DAY_CHANCE = Map.of("complaint", 0.40, "request", 0.70, "enquiry", 0.80);
    /** How much the same-day chance rises each month of the sample. */
    static final double SAME_DAY_GAIN_PER_MONTH = 0.012;
    /** Detractors called back within two working days, late, or not at all: the chances. */
    static final double CALLED_BACK_IN_TIME = 0.62;
    static final double CALLED_BACK_LATE = 0.14;

    static final Map<String, List<String>> CATEGORIES = Map.of(
            "complaint", List.of("billing", "network", "engineer-visit", "customer-service"),
            "request", List.of("plan-change", "move-home", "payment-date", "add-on"),
            "enquiry", List.of("bill", "coverage", "contract-end"),
            "compliment", List.of("customer-service", "engineer-visit"));
    static final Map<String, String> TEXT_BY_CATEGORY = Map.ofEntries(
            Map.entry("complaint/billing", "Charged more than expected on the bill."),
            Map.entry("complaint/network", "Broadband keeps dropping in the evening."),
            Map.entry("complaint/engineer-visit", "Engineer did not arrive in the booked slot."),
            Map.entry("complaint/customer-service", "Passed between teams without an answer."),
            Map.entry("request/plan-change", "Wants to change plan."),
            Map.entry("request/move-home", "Moving home and wants the service moved."),
            Map.entry("request/payment-date", "Asks to move the payment date."),
            Map.entry("request/add-on", "Asks to add a bundle."),
            Map.entry("enquiry/bill", "Asks what a charge on the bill is."),
            Map.entry("enquiry/coverage", "Asks about coverage at a new address."),
            Map.entry("enquiry/contract-end", "Asks when the contract ends."),
            Map.entry("compliment/customer-service", "Thanks the adviser for sorting it quickly."),
            Map.entry("compliment/engineer-visit", "Thanks the engineer for a tidy installation."));

    static final String CALL_BACK_CATEGORY = "survey-follow-up";
    static final String CALL_BACK_TEXT = "Called back after a low survey score.";

    record ServiceCase(String caseId, String customerId, LocalDateTime openedAt, LocalDateTime closedAt,
            String channel, String kind, String category, String text) {

        ServiceCase withId(String id) {
            return new ServiceCase(id, customerId, openedAt, closedAt, channel, kind, category, text);
        }

        List<Object> values() {
            return Arrays.asList(caseId, customerId, SampleDataGenerator.DATE_TIME.format(openedAt),
                    closedAt == null ? null : SampleDataGenerator.DATE_TIME.format(closedAt), channel, kind, category,
                    text);
        }
    }

    private SampleServiceCases() {
    }

    /**
     * The cases of {@code firstMonth..lastMonth}, call-backs for {@code responses} included, numbered in the
     * order they opened. Nothing closes after {@code lastDay}: what would is still open when the CRM is read.
     */
    static List<ServiceCase> generate(List<SampleCustomer> customers,
            List<SampleSurveyResponses.Response> responses, YearMonth firstMonth, LocalDate lastDay, Draws draws) {
        List<ServiceCase> cases = new ArrayList<>();
        YearMonth lastMonth = YearMonth.from(lastDay);
        int monthIndex = 0;
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1), monthIndex++) {
            for (SampleCustomer customer : customers) {
                List<LocalDate> days = daysAsCustomer(customer, month);
                if (days.isEmpty()) {
                    continue;
                }
                int unhappiness = 6 - customer.source().satisfactionScore();
                maybe(cases, customer, days, "complaint", COMPLAINT_CHANCE_PER_UNHAPPINESS * unhappiness, monthIndex,
                        lastDay, draws);
                maybe(cases, customer, days, "request", REQUEST_CHANCE, monthIndex, lastDay, draws);
                maybe(cases, customer, days, "enquiry", ENQUIRY_CHANCE, monthIndex, lastDay, draws);
                maybe(cases, customer, days, "compliment",
                        customer.source().satisfactionScore() >= 4 ? COMPLIMENT_CHANCE : 0, monthIndex, lastDay, draws);
            }
        }
        Map<String, SampleCustomer> byId = customers.stream()
                .collect(Collectors.toMap(customer -> customer.source().id(), customer -> customer));
        for (SampleSurveyResponses.Response response : responses) {
            if (response.nps() != null && response.nps() <= 6 && byId.get(response.customerId()).consentToContact()
                    && !YearMonth.from(response.respondedAt()).isBefore(firstMonth)) {
                callBack(response, lastDay, draws).ifPresent(cases::add);
            }
        }
        // a stable sort: cases opened in the same second keep the order they were made in
        cases.sort(Comparator.comparing(ServiceCase::openedAt));
        List<ServiceCase> numbered = new ArrayList<>();
        for (ServiceCase serviceCase : cases) {
            numbered.add(serviceCase.withId(String.format("CASE-%06d", numbered.size() + 1)));
        }
        return numbered;
    }

    private static void maybe(List<ServiceCase> cases, SampleCustomer customer, List<LocalDate> days, String kind,
            double chance, int monthIndex, LocalDate lastDay, Draws draws) {
        if (!draws.chance(chance)) {
            return;
        }
        LocalDateTime openedAt = draws.oneOf(days).atTime(draws.between(8, 19), draws.between(0, 59),
                draws.between(0, 59));
        String channel = draws.chance(PREFERRED_CHANNEL_CHANCE) ? customer.preferredChannel() : draws.oneOf(CHANNELS);
        String category = draws.oneOf(CATEGORIES.get(kind));
        LocalDateTime closedAt = closing(kind, openedAt, monthIndex, lastDay, draws);
        cases.add(new ServiceCase(null, customer.source().id(), openedAt, closedAt, channel, kind, category,
                TEXT_BY_CATEGORY.get(kind + "/" + category)));
    }

    /** Same day (minutes later, before midnight), or days later; null when that is after {@code lastDay}. */
    private static LocalDateTime closing(String kind, LocalDateTime openedAt, int monthIndex, LocalDate lastDay,
            Draws draws) {
        if (kind.equals("compliment")) {
            return openedAt;
        }
        double sameDay = SAME_DAY_CHANCE.get(kind) + SAME_DAY_GAIN_PER_MONTH * monthIndex;
        LocalDateTime closedAt;
        if (draws.chance(sameDay)) {
            LocalDateTime later = openedAt.plusMinutes(draws.logNormal(20, 0.8, 2, 240));
            LocalDateTime endOfDay = openedAt.toLocalDate().atTime(23, 59, 59);
            closedAt = later.isAfter(endOfDay) ? endOfDay : later;
        } else {
            closedAt = openedAt.toLocalDate().plusDays(draws.between(1, 12))
                    .atTime(draws.between(8, 19), draws.between(0, 59), draws.between(0, 59));
        }
        return closedAt.toLocalDate().isAfter(lastDay) ? null : closedAt;
    }

    private static Optional<ServiceCase> callBack(SampleSurveyResponses.Response response, LocalDate lastDay,
            Draws draws) {
        double draw = draws.random().nextDouble();
        if (draw >= CALLED_BACK_IN_TIME + CALLED_BACK_LATE) {
            return Optional.empty();
        }
        int workingDays = draw < CALLED_BACK_IN_TIME ? draws.between(1, 2) : draws.between(3, 5);
        LocalDate day = response.respondedAt().toLocalDate();
        for (int added = 0; added < workingDays;) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        LocalDateTime openedAt = day.atTime(draws.between(9, 17), draws.between(0, 59), draws.between(0, 59));
        if (openedAt.toLocalDate().isAfter(lastDay)) {
            return Optional.empty();
        }
        return Optional.of(new ServiceCase(null, response.customerId(), openedAt,
                openedAt.plusMinutes(draws.between(3, 15)), "phone", "call_back", CALL_BACK_CATEGORY, CALL_BACK_TEXT));
    }

    private static List<LocalDate> daysAsCustomer(SampleCustomer customer, YearMonth month) {
        return month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).filter(customer::isCustomerOn).toList();
    }
}
