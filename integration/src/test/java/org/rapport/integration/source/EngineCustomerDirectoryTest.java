package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.support.TestSources.lines;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.CustomerIdentifiers;
import org.rapport.engine.customer.CustomerLookup;
import org.rapport.engine.customer.IdentifierKey;
import org.rapport.engine.customer.IdentifierKind;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.support.TestSources;

/** Calls matched to customers by the number they came from, through the numbers the CRM delivered. */
class EngineCustomerDirectoryTest extends PersistenceSpec {

    private static final IdentifierKey KEY = new IdentifierKey("a test key of thirty-two bytes!!".getBytes(
            StandardCharsets.US_ASCII));
    private static final String CUSTOMERS = lines(
            "customer_id,segment,region,value_band,customer_since,status,churned_on,churn_reason,annual_value,"
                    + "preferred_channel,consent_analytics,consent_contact,account_number,phone_number",
            "C-1,one-year,north,high,2020-05-01,active,,,840.00,phone,true,true,AC10077,+44 20 7946 0001",
            "C-2,monthly,south,low,2021-03-01,active,,,120.00,phone,true,false,AC10078,");
    private static final String IVR = """
            {"name": "ivr", "kind": "calls", "format": "generic-csv", "timeZone": "Europe/London",
             "customerMatch": "caller-number",
             "fields": {"call_id": "Call", "customer_id": "Caller", "started_at": "Started",
                        "ivr_seconds": "IVR", "queue_seconds": {"constant": "0"}, "talk_seconds": {"constant": "0"},
                        "outcome": {"constant": "self_served"}, "wanted_agent": {"constant": "false"},
                        "transfers": {"constant": "0"}, "times_reidentified": {"constant": "0"}}}
            """;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallFromANumberTheCrmGaveIsTheCustomersAndAnyOtherIsKeptUnmatched(TestDatabase database) throws Exception {
        Intake intake = new TransactionalIntake(on(database)::read, Clock.systemUTC(), KEY);
        store(intake, new CustomerCsvFormat("crm"), "customers.csv", CUSTOMERS);
        IntakeFormat calls = TestSources.format(TestSources.definition(IVR),
                new EngineCustomerDirectory(lookup(database)));

        IntakeReceipt receipt = store(intake, calls, "calls.csv", lines("Call,Caller,Started,IVR",
                "K-1,+44 (20) 7946-0001,2026-10-01 08:15:00,40",
                "K-2,+44 161 496 0009,2026-10-01 08:20:00,35",
                "K-3,,2026-10-01 08:25:00,20"));

        assertThat(receipt.rowsAccepted()).isEqualTo(3);
        assertThat(receipt.rowsUnmatched()).as("a number nobody was given, and no number").isEqualTo(2);
        List<String> customers = database.read(entityManager -> entityManager.createQuery(
                "select coalesce(c.customerRef, '-') from Call c order by c.callRef", String.class).getResultList());
        assertThat(customers.get(0)).isEqualTo("C-1");
        assertThat(customers.get(1)).as("kept under the number's keyed hash, never the number")
                .hasSize(64).doesNotContain("4961", "0009");
        assertThat(customers.get(2)).isEqualTo("-");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callsStoredBeforeTheCustomerFileAreMatchedByItWithoutBeingDeliveredAgain(TestDatabase database)
            throws Exception {
        Intake intake = new TransactionalIntake(on(database)::read, Clock.systemUTC(), KEY);
        IntakeFormat calls = TestSources.format(TestSources.definition(IVR),
                new EngineCustomerDirectory(lookup(database)));
        IntakeReceipt early = store(intake, calls, "calls.csv", lines("Call,Caller,Started,IVR",
                "K-1,+44 (20) 7946-0001,2026-10-01 08:15:00,40",
                "K-2,+44 161 496 0009,2026-10-01 08:20:00,35"));
        assertThat(early.rowsUnmatched()).as("nobody known yet").isEqualTo(2);

        store(intake, new CustomerCsvFormat("crm"), "customers.csv", CUSTOMERS);

        List<String> customers = database.read(entityManager -> entityManager.createQuery(
                "select c.customerRef from Call c order by c.callRef", String.class).getResultList());
        assertThat(customers.get(0)).isEqualTo("C-1");
        assertThat(customers.get(1)).as("a number the CRM gave nobody").hasSize(64);
    }

    private static IntakeReceipt store(Intake intake, IntakeFormat format, String fileName, String text)
            throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String checksum = format.checksum(fileName, new ByteArrayInputStream(bytes));
        return intake.store(new Delivery(format.kind(), format.source(), fileName, checksum, null,
                sink -> format.stream(fileName, new ByteArrayInputStream(bytes), sink)));
    }

    /** The engine's lookup, as the server's EJB gives it, each question in a transaction of its own. */
    private static CustomerLookup lookup(TestDatabase database) {
        return new CustomerLookup() {
            @Override
            public Optional<String> customerOf(IdentifierKind kind, String value) {
                return database.read(entityManager -> new CustomerIdentifiers(entityManager, KEY).customerOf(kind, value));
            }

            @Override
            public Optional<String> awaitingRef(IdentifierKind kind, String value) {
                return database.read(entityManager -> new CustomerIdentifiers(entityManager, KEY).awaitingRef(kind, value));
            }
        };
    }
}
