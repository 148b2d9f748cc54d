package org.rapport.integration.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** The real complaints register: 300 complaints from 2015. */
class ComcastComplaintFormatTest {

    private final IntakeFormat format = TestSources.format("""
            {"name": "complaints", "kind": "service-cases", "format": "comcast-complaints",
             "timeZone": "America/New_York",
             "values": {"channel": {"Customer Care Call": "phone", "Internet": "web"}}}
            """);

    @Test
    void everyRowIsAComplaintKnownByItsTicketOpenedAtItsDateAndTimeInTheRegistersZone() {
        IntakeBatch batch = readShared(format, "crm/comcast_complaints_300.csv");

        assertThat(batch.quarantined()).isEmpty();
        var cases = records(batch, ServiceCaseRecord.class);
        assertThat(cases).hasSize(300).allSatisfy(complaint -> {
            assertThat(complaint.kind()).isEqualTo(ServiceCaseKind.COMPLAINT);
            assertThat(complaint.customerRef()).isNull();
            assertThat(complaint.closedAt()).isNull();
        });
        assertThat(cases.stream().collect(Collectors.groupingBy(ServiceCaseRecord::channel, Collectors.counting())))
                .isEqualTo(Map.of("phone", 143L, "web", 157L));
        // ticket 250635: 22-04-15 at 3:53:50 PM, Eastern Daylight Time (UTC-4)
        assertThat(cases.get(0)).isEqualTo(new ServiceCaseRecord(2, "250635", null, Instant.parse("2015-04-22T19:53:50Z"), null,
                "phone", ServiceCaseKind.COMPLAINT, null, "Comcast Cable Internet Speeds"));
    }

    @Test
    void aDateInAnotherFormatQuarantinesItsRowOnly() {
        IntakeBatch batch = TestSources.read(format, """
                Ticket #,Customer Complaint,Date,Date_month_year,Time,Received Via,City,State,Zip code,Status,Filing on Behalf of Someone
                250635,Speeds,22-04-15,22-Apr-15,3:53:50 PM,Customer Care Call,Abingdon,Maryland,21009,Closed,No
                223441,Payment,2015-08-04,04-Aug-15,10:22:56 AM,Internet,Acworth,Georgia,30102,Closed,No
                """);

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.quarantined()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.field()).isEqualTo("Date + Time");
            assertThat(row.reason()).isEqualTo("'2015-08-04 10:22:56 AM' is not a date and time (dd-MM-yy h:mm:ss a)");
        });
    }
}
