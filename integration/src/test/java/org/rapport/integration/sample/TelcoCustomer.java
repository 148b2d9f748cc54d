package org.rapport.integration.sample;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One customer of the IBM Telco sample, joined from its two tables: the customers table
 * ({@code customerID}, tenure, contract, charges, churn) and the status table ({@code Customer ID},
 * satisfaction score, churn category).
 */
record TelcoCustomer(String id, boolean seniorCitizen, int tenureMonths, String internetService, String contract,
        String paymentMethod, BigDecimal monthlyCharges, boolean churned, int satisfactionScore,
        String churnCategory) {

    static final String CUSTOMERS_FILE = "crm/telco_customers_500.csv";
    static final String STATUS_FILE = "crm/telco_status_500.csv";

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    /** The customers in the order of the customers table. */
    static List<TelcoCustomer> read(Path sharedDataDir) throws IOException {
        Map<String, CSVRecord> statusById = new HashMap<>();
        for (CSVRecord status : records(sharedDataDir.resolve(STATUS_FILE))) {
            statusById.put(status.get("Customer ID"), status);
        }
        List<TelcoCustomer> customers = new ArrayList<>();
        for (CSVRecord customer : records(sharedDataDir.resolve(CUSTOMERS_FILE))) {
            CSVRecord status = statusById.get(customer.get("customerID"));
            if (status == null) {
                throw new IllegalStateException("No status row for customer " + customer.get("customerID"));
            }
            customers.add(new TelcoCustomer(customer.get("customerID"),
                    customer.get("SeniorCitizen").equals("1"),
                    Integer.parseInt(customer.get("tenure")),
                    customer.get("InternetService"),
                    customer.get("Contract"),
                    customer.get("PaymentMethod"),
                    new BigDecimal(customer.get("MonthlyCharges")),
                    customer.get("Churn").equals("Yes"),
                    Integer.parseInt(status.get("Satisfaction Score")),
                    status.get("Churn Category")));
        }
        return customers;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(WITH_HEADER).get()) {
            return parser.getRecords();
        }
    }
}
