package org.rapport.integration.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Contact-centre calls, a month at a time. Unhappy customers call more (weight 6 − satisfaction score);
 * a few callers are not identified. Time to a human (IVR + queue) has a heavy tail: most callers
 * get through in a few minutes, one in ten waits far longer.
 */
final class SampleCalls {

    static final List<String> COLUMNS = List.of("call_id", "customer_id", "started_at", "ivr_seconds",
            "queue_seconds", "talk_seconds", "outcome", "wanted_agent", "transfers", "times_reidentified",
            "agent_saw_history", "channel");

    /** Calls in the reporting month; earlier months have as many per customer active at their start. */
    static final int CALLS = 2_500;
    static final double UNKNOWN_CALLER_CHANCE = 0.03;
    /** Calls per hour of the day from 08:00 to 19:00, relative. */
    static final int[] HOUR_WEIGHTS = {8, 12, 12, 10, 9, 9, 9, 8, 8, 7, 5, 3};
    static final int FIRST_HOUR = 8;

    record Call(String callId, String customerId, LocalDateTime startedAt, int ivrSeconds, int queueSeconds,
            int talkSeconds, String outcome, boolean wantedAgent, int transfers, int timesReidentified,
            Boolean agentSawHistory) {

        Call withId(String id) {
            return new Call(id, customerId, startedAt, ivrSeconds, queueSeconds, talkSeconds, outcome, wantedAgent,
                    transfers, timesReidentified, agentSawHistory);
        }

        List<Object> values() {
            return Arrays.asList(callId, customerId, SampleDataGenerator.DATE_TIME.format(startedAt), ivrSeconds, queueSeconds, talkSeconds,
                    outcome, wantedAgent, transfers, timesReidentified, agentSawHistory, "phone");
        }
    }

    private SampleCalls() {
    }

    /**
     * Who may call on a day. The reporting month keeps the rule its calls were first drawn with (customers
     * still with us at the end of the sample), so its 2,500 calls stay the ones the README quotes; the
     * earlier months draw from whoever was a customer on the day, leavers included.
     */
    interface Callers {
        boolean mayCall(SampleCustomer customer, LocalDate day);

        Callers STILL_CUSTOMERS_AT_THE_END = (customer, day) -> !customer.churned()
                && !customer.customerSince().isAfter(day);
        Callers CUSTOMERS_ON_THE_DAY = SampleCustomer::isCustomerOn;
    }

    /**
     * A month of calls. {@code queuePressure} scales the queue times (1.0 the reporting month's), so the
     * months differ as a contact centre's do: busier after Christmas, quieter in spring.
     */
    static List<Call> generate(List<SampleCustomer> customers, YearMonth month, int count, double queuePressure,
            Callers callers, Draws draws) {
        List<Call> calls = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            LocalDateTime startedAt = startTime(month, draws);
            String caller = draws.chance(UNKNOWN_CALLER_CHANCE) ? null
                    : caller(customers, startedAt.toLocalDate(), callers, draws);
            calls.add(call(caller, startedAt, queuePressure, draws));
        }
        // a stable sort: calls starting in the same second keep the order they were drawn in
        calls.sort(Comparator.comparing(Call::startedAt));
        List<Call> numbered = new ArrayList<>();
        for (Call call : calls) {
            numbered.add(call.withId(String.format("CALL-%s-%05d", month, numbered.size() + 1)));
        }
        return numbered;
    }

    private static Call call(String caller, LocalDateTime startedAt, double queuePressure, Draws draws) {
        double outcome = draws.random().nextDouble();
        if (outcome < 0.60) {
            return answered(caller, startedAt, queuePressure, draws);
        }
        if (outcome < 0.80) {
            return new Call(null, caller, startedAt, draws.logNormal(150, 0.5, 20, 1800), 0, 0, "self_served",
                    draws.chance(0.10), 0, 0, null);
        }
        if (outcome < 0.88) {
            return new Call(null, caller, startedAt, draws.logNormal(110, 0.7, 10, 1800), 0, 0, "abandoned_in_ivr",
                    draws.chance(0.60), 0, 0, null);
        }
        return new Call(null, caller, startedAt, draws.logNormal(75, 0.55, 10, 1200),
                draws.logNormal(200 * queuePressure, 0.8, 5, 3600), 0, "abandoned_in_queue", true, 0, 0, null);
    }

    private static Call answered(String caller, LocalDateTime startedAt, double queuePressure, Draws draws) {
        int ivr = draws.logNormal(75, 0.55, 10, 1200);
        int queue = draws.logNormal(140 * queuePressure, 1.0, 0, 3600);
        int talk = draws.logNormal(330, 0.6, 20, 5400);
        double transferDraw = draws.random().nextDouble();
        int transfers = transferDraw < 0.74 ? 0 : transferDraw < 0.93 ? 1 : transferDraw < 0.99 ? 2 : 3;
        int reidentified = draws.chance(0.08) ? 1 : 0;
        for (int transfer = 0; transfer < transfers; transfer++) {
            reidentified += draws.chance(0.55) ? 1 : 0;
        }
        boolean sawHistory = caller != null && draws.chance(0.72);
        return new Call(null, caller, startedAt, ivr, queue, talk, "answered", draws.chance(0.95), transfers,
                reidentified, sawHistory);
    }

    private static LocalDateTime startTime(YearMonth month, Draws draws) {
        LocalDate day = draws.weighted(dates(month), SampleCalls::dayWeight);
        int hour = FIRST_HOUR + draws.weighted(hours(), h -> HOUR_WEIGHTS[h]);
        return day.atTime(hour, draws.between(0, 59), draws.between(0, 59));
    }

    private static String caller(List<SampleCustomer> customers, LocalDate day, Callers callers, Draws draws) {
        List<SampleCustomer> eligible = customers.stream()
                .filter(customer -> callers.mayCall(customer, day))
                .toList();
        return draws.weighted(eligible, customer -> 6 - customer.source().satisfactionScore()).source().id();
    }

    private static double dayWeight(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SUNDAY ? 0.3 : dayOfWeek == DayOfWeek.SATURDAY ? 0.5 : 1.0;
    }

    private static List<LocalDate> dates(YearMonth month) {
        return month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).toList();
    }

    private static List<Integer> hours() {
        return IntStream.range(0, HOUR_WEIGHTS.length).boxed().toList();
    }
}
