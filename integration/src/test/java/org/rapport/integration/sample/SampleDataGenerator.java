package org.rapport.integration.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates Rapport's sample data (the repository's {@code sample-data/} folder) from the IBM Telco
 * sample customers: customers, purchases, service cases, a month of calls for each of the twelve
 * months, survey responses and the regulator's complaints register, up to 31 October 2026, laid out
 * like the intake folder. Every draw comes from a {@link java.util.Random} seeded per file (per month for calls), so the
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

    /** The first month of the sample. */
    static final YearMonth FIRST_MONTH = FIRST_CHURN_MONTH;

    static final String CUSTOMERS = "customers/customers.csv";
    static final String PURCHASES = "purchases/purchases.csv";
    static final String SERVICE_CASES = "service-cases/service-cases.csv";
    static final String SURVEY_RESPONSES = "survey-responses/survey-responses.csv";
    /** A real-format source: the regulator's complaints register, in the Comcast export's layout. */
    static final String REGULATOR_COMPLAINTS = "regulator-complaints/regulator-complaints.csv";
    /** Every file the generator writes, relative to the output folder. */
    static final List<String> FILES = files();

    /**
     * How much longer callers queue in each month than in October 2026 (1.0), from November 2025: the
     * post-Christmas rush, a quieter spring, an August of price-rise letters.
     */
    static final double[] QUEUE_PRESSURE = {0.90, 1.10, 1.30, 1.15, 0.95, 0.85, 0.80, 0.85, 0.90, 1.20, 1.05, 1.00};

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

    /** Writes the sample files ({@link #FILES}) under {@code outputDir}. */
    public static void generate(Path sharedDataDir, Path outputDir) throws IOException {
        List<SampleCustomer> customers = SampleCustomer.derive(TelcoCustomer.read(sharedDataDir), AS_OF,
                FIRST_CHURN_MONTH, new Draws(SEED).random());
        write(outputDir.resolve(CUSTOMERS), CUSTOMER_COLUMNS, customers, SampleDataGenerator::customerValues);
        write(outputDir.resolve(PURCHASES), SamplePurchases.COLUMNS,
                SamplePurchases.generate(customers, FIRST_MONTH, REPORTING_MONTH, new Draws(SEED + 1)),
                SamplePurchases.Purchase::values);
        // October first, on the seed and draws it always had, so its calls stay those the README quotes
        write(outputDir.resolve(calls(REPORTING_MONTH)), SampleCalls.COLUMNS,
                SampleCalls.generate(customers, REPORTING_MONTH, SampleCalls.CALLS, 1.0,
                        SampleCalls.Callers.STILL_CUSTOMERS_AT_THE_END, new Draws(SEED + 2)),
                SampleCalls.Call::values);
        long octoberCustomers = activeOn(customers, REPORTING_MONTH.atDay(1));
        for (int offset = 1; offset < 12; offset++) {
            YearMonth month = REPORTING_MONTH.minusMonths(offset);
            // as many calls per customer active at the month's start as October has
            int count = (int) StrictMath.round(
                    SampleCalls.CALLS * (double) activeOn(customers, month.atDay(1)) / octoberCustomers);
            write(outputDir.resolve(calls(month)), SampleCalls.COLUMNS,
                    SampleCalls.generate(customers, month, count, QUEUE_PRESSURE[11 - offset],
                            SampleCalls.Callers.CUSTOMERS_ON_THE_DAY, new Draws(SEED + 100L * offset + 2)),
                    SampleCalls.Call::values);
        }
        List<SampleSurveyResponses.Response> responses = SampleSurveyResponses.generate(customers, REPORTING_MONTH,
                new Draws(SEED + 3));
        write(outputDir.resolve(SURVEY_RESPONSES), SampleSurveyResponses.COLUMNS, responses,
                SampleSurveyResponses.Response::values);
        write(outputDir.resolve(SERVICE_CASES), SampleServiceCases.COLUMNS,
                SampleServiceCases.generate(customers, responses, FIRST_MONTH, AS_OF, new Draws(SEED + 4)),
                SampleServiceCases.ServiceCase::values);
        write(outputDir.resolve(REGULATOR_COMPLAINTS), SampleRegulatorComplaints.COLUMNS,
                SampleRegulatorComplaints.generate(FIRST_MONTH, AS_OF, new Draws(SEED + 5)),
                SampleRegulatorComplaints.Complaint::values);
    }

    /** The calls file of a month, e.g. {@code calls/calls-2026-10.csv}: the contact centre delivers monthly. */
    static String calls(YearMonth month) {
        return "calls/calls-" + month + ".csv";
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>(List.of(CUSTOMERS, PURCHASES, SERVICE_CASES));
        for (YearMonth month = FIRST_MONTH; !month.isAfter(REPORTING_MONTH); month = month.plusMonths(1)) {
            files.add(calls(month));
        }
        files.addAll(List.of(SURVEY_RESPONSES, REGULATOR_COMPLAINTS));
        return List.copyOf(files);
    }

    private static long activeOn(List<SampleCustomer> customers, LocalDate day) {
        return customers.stream().filter(customer -> customer.isCustomerOn(day)).count();
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
