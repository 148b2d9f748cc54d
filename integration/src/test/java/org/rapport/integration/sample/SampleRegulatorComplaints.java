package org.rapport.integration.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Complaints customers took to the regulator, as its register lists them: the layout of the real
 * Comcast register ({@code integration/src/test/resources/shared-data/crm/comcast_complaints_300.csv},
 * read by the {@code comcast-complaints} format), with this company's complaints in it. One to four a
 * month, on working hours; the register names no customer, and neither do these rows (city and zip
 * code are left blank, the state column holds the sample's region). Those of the last weeks are
 * more often still open.
 */
final class SampleRegulatorComplaints {

    /** The register's columns, as the Comcast export names them. */
    static final List<String> COLUMNS = List.of("Ticket #", "Customer Complaint", "Date", "Date_month_year", "Time",
            "Received Via", "City", "State", "Zip code", "Status", "Filing on Behalf of Someone");

    static final List<String> SUBJECTS = List.of(
            "Broadband speeds far below those sold",
            "Billing dispute not resolved",
            "Cancellation not processed",
            "Engineer appointments missed",
            "Price rise during minimum term",
            "Repeated service outages");
    static final int FIRST_TICKET = 310_000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_MONTH_YEAR = DateTimeFormatter.ofPattern("dd-MMM-yy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm:ss a", Locale.ENGLISH);

    record Complaint(int ticket, String subject, LocalDateTime filedAt, String receivedVia, String region,
            String status, boolean onBehalf) {

        List<Object> values() {
            return List.of(ticket, subject, DATE.format(filedAt), DATE_MONTH_YEAR.format(filedAt), TIME.format(filedAt),
                    receivedVia, "", region, "", status, onBehalf ? "Yes" : "No");
        }
    }

    private SampleRegulatorComplaints() {
    }

    static List<Complaint> generate(YearMonth firstMonth, LocalDate lastDay, Draws draws) {
        List<Complaint> complaints = new ArrayList<>();
        int ticket = FIRST_TICKET;
        for (YearMonth month = firstMonth; !month.isAfter(YearMonth.from(lastDay)); month = month.plusMonths(1)) {
            int count = draws.between(1, 4);
            for (int index = 0; index < count; index++) {
                LocalDate day = month.atDay(draws.between(1, month.lengthOfMonth()));
                LocalDateTime filedAt = day.atTime(draws.between(8, 19), draws.between(0, 59), draws.between(0, 59));
                ticket += draws.between(1, 40);
                boolean recent = !day.isBefore(lastDay.minusWeeks(3));
                String status = recent && draws.chance(0.7) ? "Open" : draws.chance(0.5) ? "Closed" : "Solved";
                complaints.add(new Complaint(ticket, draws.oneOf(SUBJECTS), filedAt,
                        draws.chance(0.5) ? "Customer Care Call" : "Internet",
                        draws.oneOf(SampleCustomer.REGIONS), status, draws.chance(0.1)));
            }
        }
        // the register lists by ticket; tickets follow the order complaints were drawn, not filed
        complaints.sort(Comparator.comparingInt(Complaint::ticket));
        return complaints;
    }
}
