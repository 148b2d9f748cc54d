package org.rapport.rules.facts;

import java.util.Objects;

/**
 * What the engine knows about one customer at month end, as the engagement rules read it: the
 * pillar inputs and last month's result. It carries an opaque reference and no personal data (no
 * name, e-mail, phone or account number). Counts default to zero and optional figures to
 * {@code null} (unknown). Rules only read it; the engine fills it in with the fluent setters.
 * Not thread-safe: one rule session owns it.
 */
public class CustomerProfile {

    private String customerRef;
    private String segment;
    private String valueBand;
    private boolean consentToAnalytics;
    private boolean consentToContact;

    // cognitive: they know how we work
    private int productsHeld;
    private int selfServiceSuccesses;
    private int tenureMonths;

    // emotional: they care and tell us what they think
    private Integer latestNps;
    private Integer latestCsat;
    private Integer latestEffort;
    private Integer daysSinceLatestSurvey;
    private boolean calledBackSinceLatestSurvey;
    private int feedbackGiven;
    private int compliments;
    private int complaints;

    // behavioural: they buy from us and recommend us
    private int purchasesLast90Days;
    private Integer daysSinceLastPurchase;
    private double spendTrendPercent;
    private int referrals;
    private Double shareOfWalletPercent;

    // last month
    private Stage previousStage;
    private Integer previousIndex;

    /** For JSON binding of scenario files only. */
    private CustomerProfile() {
    }

    public CustomerProfile(String customerRef) {
        this.customerRef = Objects.requireNonNull(customerRef, "customerRef");
    }

    /** The opaque reference the CRM knows the customer by; never a name or account number. */
    public String getCustomerRef() {
        return customerRef;
    }

    public String getSegment() {
        return segment;
    }

    public CustomerProfile segment(String segment) {
        this.segment = segment;
        return this;
    }

    public String getValueBand() {
        return valueBand;
    }

    public CustomerProfile valueBand(String valueBand) {
        this.valueBand = valueBand;
        return this;
    }

    /** Customers who withheld consent are counted in totals but never scored. */
    public boolean isConsentToAnalytics() {
        return consentToAnalytics;
    }

    public CustomerProfile consentToAnalytics(boolean consentToAnalytics) {
        this.consentToAnalytics = consentToAnalytics;
        return this;
    }

    /** Whether the customer may be contacted (call back, invitation); analytics consent is separate. */
    public boolean isConsentToContact() {
        return consentToContact;
    }

    public CustomerProfile consentToContact(boolean consentToContact) {
        this.consentToContact = consentToContact;
        return this;
    }

    /** Distinct products or services held at month end. */
    public int getProductsHeld() {
        return productsHeld;
    }

    public CustomerProfile productsHeld(int productsHeld) {
        this.productsHeld = productsHeld;
        return this;
    }

    /** Calls in the last 90 days that the customer completed in self-service without wanting an agent. */
    public int getSelfServiceSuccesses() {
        return selfServiceSuccesses;
    }

    public CustomerProfile selfServiceSuccesses(int selfServiceSuccesses) {
        this.selfServiceSuccesses = selfServiceSuccesses;
        return this;
    }

    /** Whole months since the customer joined. */
    public int getTenureMonths() {
        return tenureMonths;
    }

    public CustomerProfile tenureMonths(int tenureMonths) {
        this.tenureMonths = tenureMonths;
        return this;
    }

    /** The latest NPS answer in the last 12 months, 0–10; {@code null} when none. */
    public Integer getLatestNps() {
        return latestNps;
    }

    public CustomerProfile latestNps(Integer latestNps) {
        this.latestNps = latestNps;
        return this;
    }

    /** The latest CSAT answer in the last 12 months, 1–5; {@code null} when none. */
    public Integer getLatestCsat() {
        return latestCsat;
    }

    public CustomerProfile latestCsat(Integer latestCsat) {
        this.latestCsat = latestCsat;
        return this;
    }

    /** The latest "made it easy" answer in the last 12 months, 1–7 (higher is easier); {@code null} when none. */
    public Integer getLatestEffort() {
        return latestEffort;
    }

    public CustomerProfile latestEffort(Integer latestEffort) {
        this.latestEffort = latestEffort;
        return this;
    }

    /** Days from the latest survey response to month end; {@code null} when none. */
    public Integer getDaysSinceLatestSurvey() {
        return daysSinceLatestSurvey;
    }

    public CustomerProfile daysSinceLatestSurvey(Integer daysSinceLatestSurvey) {
        this.daysSinceLatestSurvey = daysSinceLatestSurvey;
        return this;
    }

    /** True when a call back was logged after the latest survey response. */
    public boolean isCalledBackSinceLatestSurvey() {
        return calledBackSinceLatestSurvey;
    }

    public CustomerProfile calledBackSinceLatestSurvey(boolean calledBackSinceLatestSurvey) {
        this.calledBackSinceLatestSurvey = calledBackSinceLatestSurvey;
        return this;
    }

    /** Survey responses with a comment, compliments and complaints in the last 12 months. */
    public int getFeedbackGiven() {
        return feedbackGiven;
    }

    public CustomerProfile feedbackGiven(int feedbackGiven) {
        this.feedbackGiven = feedbackGiven;
        return this;
    }

    /** Compliment cases in the last 12 months. */
    public int getCompliments() {
        return compliments;
    }

    public CustomerProfile compliments(int compliments) {
        this.compliments = compliments;
        return this;
    }

    /** Complaint cases in the last 12 months. */
    public int getComplaints() {
        return complaints;
    }

    public CustomerProfile complaints(int complaints) {
        this.complaints = complaints;
        return this;
    }

    public int getPurchasesLast90Days() {
        return purchasesLast90Days;
    }

    public CustomerProfile purchasesLast90Days(int purchasesLast90Days) {
        this.purchasesLast90Days = purchasesLast90Days;
        return this;
    }

    /** Days from the latest purchase to month end; {@code null} when the customer never bought. */
    public Integer getDaysSinceLastPurchase() {
        return daysSinceLastPurchase;
    }

    public CustomerProfile daysSinceLastPurchase(Integer daysSinceLastPurchase) {
        this.daysSinceLastPurchase = daysSinceLastPurchase;
        return this;
    }

    /** Spend in the last 90 days against the 90 days before, in percent: +20 means 20% more. */
    public double getSpendTrendPercent() {
        return spendTrendPercent;
    }

    public CustomerProfile spendTrendPercent(double spendTrendPercent) {
        this.spendTrendPercent = spendTrendPercent;
        return this;
    }

    /** Customers this customer referred in the last 12 months. */
    public int getReferrals() {
        return referrals;
    }

    public CustomerProfile referrals(int referrals) {
        this.referrals = referrals;
        return this;
    }

    /** Our share of the customer's spend in the category, 0–100; {@code null} where not known. */
    public Double getShareOfWalletPercent() {
        return shareOfWalletPercent;
    }

    public CustomerProfile shareOfWalletPercent(Double shareOfWalletPercent) {
        this.shareOfWalletPercent = shareOfWalletPercent;
        return this;
    }

    /** Last month's stage; {@code null} for a customer scored for the first time. */
    public Stage getPreviousStage() {
        return previousStage;
    }

    public CustomerProfile previousStage(Stage previousStage) {
        this.previousStage = previousStage;
        return this;
    }

    /** Last month's engagement index; {@code null} for a customer scored for the first time. */
    public Integer getPreviousIndex() {
        return previousIndex;
    }

    public CustomerProfile previousIndex(Integer previousIndex) {
        this.previousIndex = previousIndex;
        return this;
    }

    @Override
    public String toString() {
        return "CustomerProfile[" + customerRef + "]";
    }
}
