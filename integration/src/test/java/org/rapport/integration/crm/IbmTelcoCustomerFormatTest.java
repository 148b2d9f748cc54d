package org.rapport.integration.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.definition;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.SourceDefinitions;
import org.rapport.integration.support.TestSources;

/** The real IBM telco tables, 500 customers, joined with their status table. */
class IbmTelcoCustomerFormatTest {

    private static final String REASONS = """
            "values": {"churn_reason": {"Attitude": "treatment", "Dissatisfaction": "product_or_service",
                                        "Competitor": "better_offer", "Price": "better_offer"%s}}
            """;

    @Test
    void everyCustomerIsJoinedWithItsStatusAndTheChurnCategoryMappedToAReason() throws Exception {
        IntakeBatch batch = readShared(telco(", \"Other\": \"unknown\"", ""), "crm/telco_customers_500.csv");

        assertThat(batch.quarantined()).isEmpty();
        var customers = records(batch, CustomerRecord.class);
        assertThat(customers).hasSize(500);
        assertThat(customers.stream().filter(customer -> customer.status() == CustomerStatus.CHURNED)).hasSize(128);
        assertThat(customers.stream().filter(customer -> customer.churnReason() != null)
                .collect(Collectors.groupingBy(CustomerRecord::churnReason, Collectors.counting())))
                .isEqualTo(Map.of(ChurnReason.TREATMENT, 9L, ChurnReason.PRODUCT_OR_SERVICE, 22L,
                        ChurnReason.BETTER_OFFER, 82L, ChurnReason.UNKNOWN, 15L));

        Map<String, CustomerRecord> byId = customers.stream()
                .collect(Collectors.toMap(CustomerRecord::externalId, Function.identity()));
        // "Attitude of support person": how the customer was treated
        assertThat(byId.get("0265-EDXBD").churnReason()).isEqualTo(ChurnReason.TREATMENT);
        // line 4: 2 months' tenure at 53.85 a month, left for a competitor
        assertThat(byId.get("3668-QPYBK")).isEqualTo(new CustomerRecord(4, "3668-QPYBK", "Month-to-month", null, null,
                LocalDate.of(2026, 7, 30), CustomerStatus.CHURNED, LocalDate.of(2026, 9, 30), ChurnReason.BETTER_OFFER,
                new BigDecimal("646.20"), null, true, false));
        assertThat(byId.get("7590-VHVEG")).extracting(CustomerRecord::status, CustomerRecord::churnedOn,
                CustomerRecord::churnReason, CustomerRecord::customerSince)
                .containsExactly(CustomerStatus.ACTIVE, null, null, LocalDate.of(2026, 8, 30));
    }

    @Test
    void theChecksumCoversTheStatusTableFirstThenTheCustomers() throws IOException, NoSuchAlgorithmException {
        IntakeBatch batch = readShared(telco(", \"Other\": \"unknown\"", ""), "crm/telco_customers_500.csv");

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(Files.readAllBytes(TestSources.shared("crm").resolve("telco_status_500.csv")));
        sha256.update(Files.readAllBytes(TestSources.shared("crm").resolve("telco_customers_500.csv")));
        assertThat(batch.checksum()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
    }

    @Test
    void theHashingPassBeforeAStreamedReadGivesTheSameChecksum() throws IOException {
        IntakeFormat format = telco(", \"Other\": \"unknown\"", "");
        IntakeBatch batch = readShared(format, "crm/telco_customers_500.csv");

        try (var content = Files.newInputStream(TestSources.shared("crm").resolve("telco_customers_500.csv"))) {
            assertThat(format.checksum("telco_customers_500.csv", content)).isEqualTo(batch.checksum());
        }
    }

    @Test
    void aCategoryTheDefinitionDoesNotMapQuarantinesThatCustomerOnly() {
        IntakeBatch batch = readShared(telco("", ""), "crm/telco_customers_500.csv");

        assertThat(batch.records()).hasSize(485);
        assertThat(batch.quarantined()).hasSize(15).allSatisfy(row -> {
            assertThat(row.field()).isEqualTo("Churn Category");
            assertThat(row.reason()).isEqualTo("'Other' is not one of treatment, product_or_service, better_offer, "
                    + "serial_switcher, stopped_using, deceased, unknown, nor one of the words the definition maps "
                    + "for churn_reason: attitude, competitor, dissatisfaction, price");
        });
    }

    @Test
    void theCompanionIsNamedFromTheDeliveredFileAndAMissingOneRejectsTheFile() {
        String matching = ", \"match\": \"telco_customers_(\\\\d+)\\\\.csv\"";
        IntakeFormat format = TestSources.format(definition(json(", \"Other\": \"unknown\"", matching,
                "telco_status_{1}.csv")), CustomerDirectory.NONE);
        assertThat(readShared(format, "crm/telco_customers_500.csv").records()).hasSize(500);

        IntakeFormat missing = TestSources.format(definition(json("", "", "telco_status_501.csv")),
                CustomerDirectory.NONE);
        IntakeBatch batch = readShared(missing, "crm/telco_customers_500.csv");
        assertThat(batch.rejection()).isEqualTo("line 1, field (record): its companion "
                + TestSources.shared("crm").resolve("telco_status_501.csv")
                + " is not there: the customers table is taken only with its status table");
    }

    @Test
    void aDefinitionWithoutConsentOrSnapshotDateIsRefusedWhenLoaded() {
        var parsed = SourceDefinitions.parse("telco.json", """
                {"name": "telco", "kind": "customers", "format": "ibm-telco", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "crm"}, "companion": {"file": "telco_status_500.csv"},
                 "options": {"snapshotDate": "2026-09-31"}}
                """, TestSources.shared(""), FormatCatalog.standard(),
                TestSources.boundaries());

        assertThat(parsed.problems()).extracting(Object::toString).containsExactly(
                "telco.json: field 'options.snapshotDate': '2026-09-31' is not a date (yyyy-MM-dd)");
    }

    @Test
    void aCustomerWithoutStatusRowIsQuarantined() {
        IntakeBatch batch = TestSources.read(telco("", ""), """
                customerID,tenure,Contract,MonthlyCharges,Churn
                9999-NOBODY,3,One year,20.00,No
                """);

        assertThat(batch.quarantined()).extracting(QuarantinedRow::field, QuarantinedRow::reason).containsExactly(
                tuple("customerID",
                        "'9999-NOBODY' has no row in the status table telco_status_500.csv (joined on Customer ID)"));
    }

    private static IntakeFormat telco(String otherMapping, String companionExtra) {
        return TestSources.format(definition(json(otherMapping, companionExtra, "telco_status_500.csv")),
                CustomerDirectory.NONE);
    }

    private static String json(String otherMapping, String companionExtra, String companionFile) {
        return """
                {"name": "telco", "kind": "customers", "format": "ibm-telco", "timeZone": "America/Los_Angeles",
                 "transport": {"type": "file", "directory": "crm"},
                 "companion": {"file": "%s"%s},
                 "options": {"snapshotDate": "2026-09-30"},
                 "fields": {"consent_analytics": {"constant": "true"}, "consent_contact": {"constant": "false"}},
                """.formatted(companionFile, companionExtra) + REASONS.formatted(otherMapping) + "}";
    }
}
