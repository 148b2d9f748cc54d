package org.rapport.integration.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates Rapport's sample data (the repository's {@code sample-data/} folder) from the IBM Telco
 * sample customers: customers, purchases, calls and survey responses up to 31 October 2026, laid out
 * like the intake folder. Every draw comes from a {@link java.util.Random} seeded per file, so the
 * output is the same bytes on every run; {@code SampleDataIsReproducibleTest} holds it to that.
 *
 * <p>Run: {@code java ... SampleDataGenerator <shared data dir holding crm/> <output dir>}.
 */
public final class SampleDataGenerator {

    /** The last day of the sample: the end of the reporting month. */
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final YearMonth REPORTING_MONTH = YearMonth.from(AS_OF);
    /** Churners are spread over the twelve months up to {@link #AS_OF}. */
    static final YearMonth FIRST_CHURN_MONTH = REPORTING_MONTH.minusMonths(11);
    static final long SEED = 20_261_031L;
    /** ISO local date-time with seconds always written ({@code LocalDateTime.toString} drops ":00"). */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    static final String CUSTOMERS = "customers/customers.csv";
    static final String PURCHASES = "purchases/purchases.csv";
    static final String CALLS = "calls/calls.csv";
    static final String SURVEY_RESPONSES = "survey-responses/survey-responses.csv";
    /** Every file the generator writes, relative to the output folder. */
    static final List<String> FILES = List.of(CUSTOMERS, PURCHASES, CALLS, SURVEY_RESPONSES);

    static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "segment", "region", "value_band",
            "customer_since", "status", "churned_on", "churn_reason", "annual_value", "preferred_channel",
            "consent_analytics", "consent_contact");

    private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private SampleDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SampleDataGenerator <shared data dir holding crm/> <output dir>");
            System.exit(2);
        }
        generate(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Sample data written to " + Path.of(args[1]).toAbsolutePath().normalize());
    }

    /** Writes the four sample files under {@code outputDir}. */
    public static void generate(Path sharedDataDir, Path outputDir) throws IOException {
        List<SampleCustomer> customers = SampleCustomer.derive(TelcoCustomer.read(sharedDataDir), AS_OF,
                FIRST_CHURN_MONTH, new Draws(SEED).random());
        write(outputDir.resolve(CUSTOMERS), CUSTOMER_COLUMNS, customers, SampleDataGenerator::customerValues);
        write(outputDir.resolve(PURCHASES), SamplePurchases.COLUMNS,
                SamplePurchases.generate(customers, REPORTING_MONTH, new Draws(SEED + 1)),
                SamplePurchases.Purchase::values);
        write(outputDir.resolve(CALLS), SampleCalls.COLUMNS,
                SampleCalls.generate(customers, REPORTING_MONTH, new Draws(SEED + 2)), SampleCalls.Call::values);
        write(outputDir.resolve(SURVEY_RESPONSES), SampleSurveyResponses.COLUMNS,
                SampleSurveyResponses.generate(customers, REPORTING_MONTH, new Draws(SEED + 3)),
                SampleSurveyResponses.Response::values);
    }

    private static List<Object> customerValues(SampleCustomer customer) {
        return Arrays.asList(customer.source().id(), customer.segment(), customer.region(), customer.valueBand(),
                customer.customerSince(), customer.churned() ? "churned" : "active", customer.churnedOn(),
                customer.churnReason(), customer.annualValue().setScale(2).toPlainString(), customer.preferredChannel(),
                customer.consentToAnalytics(), customer.consentToContact());
    }

    private static <T> void write(Path file, List<String> columns, List<T> rows, Function<T, List<Object>> values)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, OUTPUT)) {
            printer.printRecord(columns);
            for (T row : rows) {
                printer.printRecord(values.apply(row));
            }
        }
    }
}
