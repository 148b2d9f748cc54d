package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.canonical.CallCsvFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.canonical.SurveyResponseCsvFormat;

/**
 * The sample data tells the story it was made for, in October 2026: about ten churners, a P90
 * time to a human around ten minutes, a survey month of 150 responses. The exact figures are the
 * ones sample-data/README.md quotes for checking by hand.
 */
class SampleDataFiguresTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void customers() throws IOException {
        List<CustomerRecord> customers = read(new CustomerCsvFormat("sample"), SampleDataGenerator.CUSTOMERS,
                CustomerRecord.class);

        assertThat(customers).hasSize(500);
        assertThat(customers).filteredOn(customer -> customer.status() == CustomerStatus.CHURNED).hasSize(128);
        assertThat(customers).filteredOn(customer -> customer.churnedOn() != null
                && YearMonth.from(customer.churnedOn()).equals(OCTOBER)).hasSize(10);
        assertThat(customers).filteredOn(customer -> !customer.consentToAnalytics()).hasSize(25);
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
