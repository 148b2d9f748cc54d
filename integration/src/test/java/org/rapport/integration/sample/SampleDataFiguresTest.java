package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.canonical.CallCsvFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.canonical.PurchaseCsvFormat;
import org.rapport.integration.canonical.ServiceCaseCsvFormat;
import org.rapport.integration.canonical.SurveyResponseCsvFormat;

/**
 * The sample data tells the story it was made for: a year of calls, charges and service cases, and
 * in October 2026 about ten churners, a P90 time to a human around ten minutes, a survey month of 150
 * responses. The exact figures are the ones sample-data/README.md quotes for checking by hand.
 */
class SampleDataFiguresTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth FIRST = YearMonth.of(2025, 11);

    @Test
    void customers() throws IOException {
        List<CustomerRecord> customers = read(new CustomerCsvFormat("sample"), SampleDataGenerator.CUSTOMERS,
                CustomerRecord.class);

        assertThat(customers).hasSize(500);
        assertThat(customers).filteredOn(customer -> customer.status() == CustomerStatus.CHURNED).hasSize(128);
        assertThat(customers).filteredOn(customer -> customer.churnedOn() != null
                && YearMonth.from(customer.churnedOn()).equals(OCTOBER)).hasSize(10);
        assertThat(customers).filteredOn(customer -> !customer.consentToAnalytics()).hasSize(25);
        // 12 % withhold consent to contact, so 88 % is the share that consents: by the digest, 432 of 500
        assertThat(customers).filteredOn(CustomerRecord::consentToContact).hasSize(432);
    }

    @Test
    void callsEveryMonth() throws IOException {
        Map<YearMonth, Integer> callsByMonth = new TreeMap<>();
        for (YearMonth month = FIRST; !month.isAfter(OCTOBER); month = month.plusMonths(1)) {
            YearMonth inFile = month;
            List<CallRecord> calls = read(new CallCsvFormat("sample"), SampleDataGenerator.calls(month),
                    CallRecord.class);
            assertThat(calls).as(month.toString())
                    .allMatch(call -> YearMonth.from(call.startedAt()).equals(inFile));
            callsByMonth.put(month, calls.size());
        }

        assertThat(callsByMonth.values()).containsExactly(2_480, 2_467, 2_493, 2_487, 2_454, 2_474, 2_448, 2_434,
                2_402, 2_382, 2_408, 2_500);
    }

    @Test
    void purchasesAreMonthlyChargesForTheWholeYear() throws IOException {
        List<PurchaseRecord> purchases = read(new PurchaseCsvFormat("sample"), SampleDataGenerator.PURCHASES,
                PurchaseRecord.class);
        Map<YearMonth, Long> byMonth = purchases.stream().collect(Collectors.groupingBy(
                purchase -> YearMonth.from(purchase.purchasedOn()), TreeMap::new, Collectors.counting()));

        assertThat(byMonth.keySet()).hasSize(12).first().isEqualTo(FIRST);
        assertThat(purchases).hasSize(4_717);
    }

    @Test
    void serviceCasesEveryMonthOfEachKind() throws IOException {
        List<ServiceCaseRecord> cases = read(new ServiceCaseCsvFormat("sample"), SampleDataGenerator.SERVICE_CASES,
                ServiceCaseRecord.class);
        Map<YearMonth, Map<ServiceCaseKind, Long>> byMonth = cases.stream().collect(Collectors.groupingBy(
                serviceCase -> YearMonth.from(serviceCase.openedAt().atZone(ZoneOffset.UTC)), TreeMap::new,
                Collectors.groupingBy(ServiceCaseRecord::kind, Collectors.counting())));

        assertThat(cases).hasSize(1_005);
        assertThat(cases.stream().collect(Collectors.groupingBy(ServiceCaseRecord::kind, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ServiceCaseKind.COMPLAINT, 160L,
                        ServiceCaseKind.REQUEST, 434L, ServiceCaseKind.ENQUIRY, 186L, ServiceCaseKind.COMPLIMENT, 62L,
                        ServiceCaseKind.CALL_BACK, 163L));
        assertThat(byMonth).hasSize(12).allSatisfy((month, kinds) -> assertThat(kinds.keySet()).as(month.toString())
                .contains(ServiceCaseKind.COMPLAINT, ServiceCaseKind.REQUEST, ServiceCaseKind.ENQUIRY,
                        ServiceCaseKind.COMPLIMENT, ServiceCaseKind.CALL_BACK));
        assertThat(byMonth.get(OCTOBER)).containsExactlyInAnyOrderEntriesOf(Map.of(ServiceCaseKind.COMPLAINT, 9L,
                ServiceCaseKind.REQUEST, 36L, ServiceCaseKind.ENQUIRY, 12L, ServiceCaseKind.COMPLIMENT, 8L,
                ServiceCaseKind.CALL_BACK, 34L));
    }

    @Test
    void theRegulatorsRegisterHasComplaintsEveryMonth() throws IOException {
        Map<YearMonth, Long> byMonth = rows(SampleDataGenerator.REGULATOR_COMPLAINTS).stream().collect(
                Collectors.groupingBy(row -> YearMonth.from(LocalDate.parse(row.get("Date"),
                        DateTimeFormatter.ofPattern("dd-MM-yy"))), TreeMap::new, Collectors.counting()));

        assertThat(byMonth).hasSize(12).containsEntry(OCTOBER, 3L);
        assertThat(byMonth.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(31);
    }

    @Test
    void octobersFirstContactResolutionAndClosedLoop() throws IOException {
        assertThat(firstContactResolution(OCTOBER)).containsExactly(42, 60);
        assertThat(closedLoop(OCTOBER)).containsExactly(20, 51);
    }

    @Test
    void callsInOctober() throws IOException {
        List<CallRecord> calls = read(new CallCsvFormat("sample"), SampleDataGenerator.calls(OCTOBER), CallRecord.class);

        assertThat(calls).hasSize(2_500).allMatch(call -> YearMonth.from(call.startedAt()).equals(OCTOBER));
        assertThat(share(calls, CallOutcome.ANSWERED)).isCloseTo(0.60, within(0.03));
        assertThat(share(calls, CallOutcome.SELF_SERVED)).isCloseTo(0.20, within(0.03));
        assertThat(share(calls, CallOutcome.ABANDONED_IN_IVR)).isCloseTo(0.08, within(0.02));
        assertThat(share(calls, CallOutcome.ABANDONED_IN_QUEUE)).isCloseTo(0.12, within(0.02));
        assertThat(calls).filteredOn(call -> call.customerRef() == null).hasSize(79);
        List<Integer> secondsToHuman = calls.stream()
                .filter(call -> call.outcome() == CallOutcome.ANSWERED && call.wantedAgent())
                .map(call -> call.ivrSeconds() + call.queueSeconds())
                .sorted()
                .toList();
        assertThat(secondsToHuman).hasSize(1_414);
        assertThat(percentile(secondsToHuman, 0.9) / 60).isBetween(8.0, 12.0);
        assertThat(secondsToHuman).filteredOn(seconds -> seconds > 570).hasSize(160);
    }

    @Test
    void surveyResponses() throws IOException {
        List<SurveyResponseRecord> responses = read(new SurveyResponseCsvFormat("sample"),
                SampleDataGenerator.SURVEY_RESPONSES, SurveyResponseRecord.class);
        List<SurveyResponseRecord> october = responses.stream()
                .filter(response -> YearMonth.from(response.respondedAt()).equals(OCTOBER))
                .toList();

        assertThat(responses).hasSize(600);
        assertThat(october).hasSize(150);
        assertThat(october).filteredOn(response -> response.nps() != null).hasSize(145);
        assertThat(october).filteredOn(response -> response.nps() != null && response.nps() >= 9).hasSize(33);
        assertThat(october).filteredOn(response -> response.nps() != null && response.nps() <= 6).hasSize(66);
        assertThat(october).filteredOn(response -> response.csat() != null && response.csat() >= 4).hasSize(72);
    }

    /**
     * October's first-contact resolution counted from the files alone: complaints, requests and enquiries
     * opened in the month (the CRM's and the regulator's register, whose complaints are never closed in
     * it), and of them those closed on the day they opened. Returns {resolved, counted}.
     */
    static long[] firstContactResolution(YearMonth month) throws IOException {
        long counted = 0;
        long resolved = 0;
        for (CSVRecord row : rows(SampleDataGenerator.SERVICE_CASES)) {
            LocalDateTime opened = LocalDateTime.parse(row.get("opened_at"));
            if (YearMonth.from(opened).equals(month) && Set.of("complaint", "request", "enquiry").contains(row.get("kind"))) {
                counted++;
                if (!row.get("closed_at").isEmpty()
                        && LocalDateTime.parse(row.get("closed_at")).toLocalDate().equals(opened.toLocalDate())) {
                    resolved++;
                }
            }
        }
        for (CSVRecord row : rows(SampleDataGenerator.REGULATOR_COMPLAINTS)) {
            if (YearMonth.from(LocalDate.parse(row.get("Date"), DateTimeFormatter.ofPattern("dd-MM-yy"))).equals(month)) {
                counted++;
            }
        }
        return new long[] {resolved, counted};
    }

    /**
     * October's closed loop counted from the files alone: detractor answers (NPS 0–6) of the month from
     * customers who consent to contact, and of them those followed by a call-back case opened at or after
     * the answer and before the end of the second working day after its day. Returns {called back, detractors}.
     */
    static long[] closedLoop(YearMonth month) throws IOException {
        Set<String> consenting = rows(SampleDataGenerator.CUSTOMERS).stream()
                .filter(row -> row.get("consent_contact").equals("true")).map(row -> row.get("customer_id"))
                .collect(Collectors.toSet());
        Map<String, List<LocalDateTime>> callBacks = rows(SampleDataGenerator.SERVICE_CASES).stream()
                .filter(row -> row.get("kind").equals("call_back"))
                .collect(Collectors.groupingBy(row -> row.get("customer_id"),
                        Collectors.mapping(row -> LocalDateTime.parse(row.get("opened_at")), Collectors.toList())));
        long detractors = 0;
        long calledBack = 0;
        for (CSVRecord row : rows(SampleDataGenerator.SURVEY_RESPONSES)) {
            LocalDateTime answered = LocalDateTime.parse(row.get("responded_at"));
            if (!YearMonth.from(answered).equals(month) || row.get("nps").isEmpty() || Integer.parseInt(row.get("nps")) > 6
                    || !consenting.contains(row.get("customer_id"))) {
                continue;
            }
            detractors++;
            LocalDateTime deadline = secondWorkingDayAfter(answered.toLocalDate()).plusDays(1).atStartOfDay();
            if (callBacks.getOrDefault(row.get("customer_id"), List.of()).stream()
                    .anyMatch(opened -> !opened.isBefore(answered) && opened.isBefore(deadline))) {
                calledBack++;
            }
        }
        return new long[] {calledBack, detractors};
    }

    static BigDecimal percent(long[] partOfWhole) {
        return BigDecimal.valueOf(partOfWhole[0] * 100).divide(BigDecimal.valueOf(partOfWhole[1]), 2,
                RoundingMode.HALF_UP);
    }

    private static LocalDate secondWorkingDayAfter(LocalDate day) {
        LocalDate next = day;
        for (int working = 0; working < 2;) {
            next = next.plusDays(1);
            if (next.getDayOfWeek() != DayOfWeek.SATURDAY && next.getDayOfWeek() != DayOfWeek.SUNDAY) {
                working++;
            }
        }
        return next;
    }

    private static List<CSVRecord> rows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SampleDataIsReproducibleTest.COMMITTED.resolve(file));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            return parser.getRecords();
        }
    }

    private static double share(List<CallRecord> calls, CallOutcome outcome) {
        return calls.stream().filter(call -> call.outcome() == outcome).count() / (double) calls.size();
    }

    /** As SQL's {@code percentile_cont}: linear between the two nearest ranks. */
    private static double percentile(List<Integer> sorted, double fraction) {
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (rank - below);
    }

    private static <R> List<R> read(IntakeFormat format, String file, Class<R> type) throws IOException {
        Path sample = SampleDataIsReproducibleTest.COMMITTED.resolve(file);
        try (InputStream content = Files.newInputStream(sample)) {
            return format.read(sample.getFileName().toString(), content).records().stream().map(type::cast).toList();
        }
    }
}
