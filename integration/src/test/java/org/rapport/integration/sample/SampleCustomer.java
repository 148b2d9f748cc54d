package org.rapport.integration.sample;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A sample customer derived from a {@link TelcoCustomer}: the mapping tables below are the whole
 * of the derivation, so a reader can check any row by hand.
 */
record SampleCustomer(TelcoCustomer source, String segment, String region, String valueBand,
        LocalDate customerSince, LocalDate churnedOn, String churnReason, BigDecimal annualValue,
        String preferredChannel, boolean consentToAnalytics, boolean consentToContact) {

    static final Map<String, String> SEGMENT_BY_CONTRACT = Map.of(
            "Month-to-month", "month-to-month",
            "One year", "one-year",
            "Two year", "two-year");

    /** The churn categories of the status table onto the reasons of the published baseline (DESIGN.md). */
    static final Map<String, String> CHURN_REASON_BY_CATEGORY = Map.of(
            "Attitude", "treatment",
            "Dissatisfaction", "product_or_service",
            "Competitor", "better_offer",
            "Price", "better_offer",
            "Other", "unknown");

    /** Seniors prefer the phone whatever they pay with; see {@link #preferredChannel}. */
    static final Map<String, String> CHANNEL_BY_PAYMENT_METHOD = Map.of(
            "Electronic check", "web",
            "Credit card (automatic)", "app",
            "Bank transfer (automatic)", "email",
            "Mailed check", "phone");

    static final List<String> REGIONS = List.of("london", "south-east", "south-west", "midlands", "north",
            "scotland", "wales");

    static final BigDecimal LOW_BAND_BELOW = new BigDecimal("35");
    static final BigDecimal HIGH_BAND_ABOVE = new BigDecimal("70");
    static final int PERCENT_WITHOUT_ANALYTICS_CONSENT = 5;
    static final int PERCENT_WITHOUT_CONTACT_CONSENT = 12;

    boolean churned() {
        return churnedOn != null;
    }

    /** Whether the customer was with us on a day. */
    boolean isCustomerOn(LocalDate day) {
        return !day.isBefore(customerSince) && (churnedOn == null || day.isBefore(churnedOn));
    }

    /**
     * Derives the sample customers. Churners are dealt over the months {@code firstMonth..asOf}
     * like cards (shuffled, then round-robin), so every month gets nearly the same number; their
     * tenure counts back from the day they left, everyone else's from {@code asOf}.
     */
    static List<SampleCustomer> derive(List<TelcoCustomer> telco, LocalDate asOf, YearMonth firstMonth,
            Random random) {
        List<TelcoCustomer> churners = new ArrayList<>(telco.stream().filter(TelcoCustomer::churned).toList());
        Collections.shuffle(churners, random);
        int months = (int) firstMonth.until(YearMonth.from(asOf), ChronoUnit.MONTHS) + 1;
        Map<String, LocalDate> churnedOn = new HashMap<>();
        for (int index = 0; index < churners.size(); index++) {
            YearMonth month = firstMonth.plusMonths(index % months);
            churnedOn.put(churners.get(index).id(), month.atDay(1 + random.nextInt(month.lengthOfMonth())));
        }
        return telco.stream().map(customer -> derive(customer, asOf, churnedOn.get(customer.id()))).toList();
    }

    private static SampleCustomer derive(TelcoCustomer telco, LocalDate asOf, LocalDate churnedOn) {
        LocalDate tenureEnd = churnedOn == null ? asOf : churnedOn;
        return new SampleCustomer(telco,
                SEGMENT_BY_CONTRACT.get(telco.contract()),
                REGIONS.get(bucket(telco.id(), "region", REGIONS.size())),
                valueBand(telco.monthlyCharges()),
                tenureEnd.minusMonths(telco.tenureMonths()),
                churnedOn,
                churnedOn == null ? null : CHURN_REASON_BY_CATEGORY.get(telco.churnCategory()),
                telco.monthlyCharges().multiply(BigDecimal.valueOf(12)),
                preferredChannel(telco),
                bucket(telco.id(), "consent_analytics", 100) >= PERCENT_WITHOUT_ANALYTICS_CONSENT,
                bucket(telco.id(), "consent_contact", 100) >= PERCENT_WITHOUT_CONTACT_CONSENT);
    }

    static String valueBand(BigDecimal monthlyCharges) {
        if (monthlyCharges.compareTo(LOW_BAND_BELOW) < 0) {
            return "low";
        }
        return monthlyCharges.compareTo(HIGH_BAND_ABOVE) > 0 ? "high" : "medium";
    }

    static String preferredChannel(TelcoCustomer telco) {
        return telco.seniorCitizen() ? "phone" : CHANNEL_BY_PAYMENT_METHOD.get(telco.paymentMethod());
    }

    /** A stable, evenly spread bucket 0..buckets-1 from the customer id alone (a name-based UUID: MD5). */
    static int bucket(String customerId, String purpose, int buckets) {
        UUID digest = UUID.nameUUIDFromBytes((customerId + "|" + purpose).getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(digest.getLeastSignificantBits(), (long) buckets);
    }
}
