package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.kpi.CostToServeMeasures;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.run.RunStatus;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Stage;

/**
 * Builds the engagement rules' {@link CustomerProfile} facts for the customers active at a month's end,
 * set-based: customers are read in pages ordered by external id, and each page's figures come from one
 * grouped aggregate query per source table restricted to that page's customers — never a query per
 * customer, never a whole table in memory.
 * <p>
 * Windows (all half-open, ending at the month's end, in the contact centre's local time):
 * "12 months" starts on the first day of the month eleven months before; "90 days" are the 90 days to
 * month end. "Days since" count to the month's last day (a purchase on it is 0 days ago); tenure counts
 * whole months from "customer since" to month end.
 * <p>
 * Customers who withheld consent to analytics get a profile too (with consent false) so that they are
 * counted; the rules never score them.
 */
public class EngagementProfiles {

    /** Customers per page: one rule session's worth, and well under any database's IN-list limit. */
    public static final int PAGE_SIZE = 2_000;

    /** A customer active at a month's end ({@code :end}, exclusive): there by then, and not gone before it. */
    private static final String ACTIVE =
            "(c.customerSince is null or c.customerSince < :end) and (c.churnedOn is null or c.churnedOn >= :end)";

    static final int WINDOW_MONTHS = 12;
    static final int RECENT_DAYS = 90;

    private final EntityManager entityManager;
    private final ZoneId zone;

    /** Profiles whose service-case instants are cut into months in UTC. */
    public EngagementProfiles(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Profiles whose service-case instants are cut into months in the contact centre's {@code zone}. */
    public EngagementProfiles(EntityManager entityManager, ZoneId zone) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Hands every customer active at {@code month}'s end to {@code page}, {@link #PAGE_SIZE} at a time in
     * external-id order. The consumer may flush and clear the persistence context between pages.
     *
     * @return how many profiles were built
     */
    public long forEachPage(ReportingMonth month, Consumer<List<CustomerProfile>> page) {
        Long previousRun = latestPublishedRun(month.previous());
        String pass = "pages-" + UUID.randomUUID();
        prepare(month, pass);
        try {
            long built = 0;
            String after = "";
            while (true) {
                List<CustomerProfile> profiles = page(month, pass, after, PAGE_SIZE, previousRun).profiles();
                if (profiles.isEmpty()) {
                    return built;
                }
                built += profiles.size();
                after = profiles.get(profiles.size() - 1).getCustomerRef();
                page.accept(profiles);
                if (profiles.size() < PAGE_SIZE) {
                    return built;
                }
            }
        } finally {
            release(pass);
        }
    }

    /**
     * Groups the calls and survey answers {@code month}'s pages read under pass {@code pass} ({@link CallProfiles},
     * {@link SurveyProfiles}), replacing what the pass held: pages read with that pass see them as they were now. Call
     * before reading pages with it, in this process, and {@link #release} it after the last.
     *
     * @return how many customers the pass holds calls of
     */
    public int prepare(ReportingMonth month, String pass) {
        Windows windows = new Windows(month, zone);
        return wholeOrNone(pass, () -> {
            new SurveyProfiles(entityManager).make(pass, windows.surveysFrom(), windows.endTime);
            return new CallProfiles(entityManager).make(pass, windows.recentStart.atStartOfDay(), windows.monthStart,
                    windows.endTime);
        });
    }

    /**
     * Groups, on the caller's thread, the calls and survey answers {@code month}'s pages will read under pass
     * {@code pass}, for the first {@link #prepareOrTakeAhead} of that pass to take (a run's measuring step groups them
     * while it reads the month).
     */
    public void prepareAhead(ReportingMonth month, String pass) {
        Windows windows = new Windows(month, zone);
        new CallProfiles(entityManager).makeAhead(pass, windows.recentStart.atStartOfDay(), windows.monthStart,
                windows.endTime);
        new SurveyProfiles(entityManager).makeAhead(pass, windows.surveysFrom(), windows.endTime);
    }

    /**
     * As {@link #prepare}, unless the pass was grouped ahead ({@link #prepareAhead}): then waits for that grouping and
     * takes what it grouped.
     */
    public int prepareOrTakeAhead(ReportingMonth month, String pass) {
        Windows windows = new Windows(month, zone);
        return wholeOrNone(pass, () -> {
            new SurveyProfiles(entityManager).makeOrTakeAhead(pass, windows.surveysFrom(), windows.endTime);
            return new CallProfiles(entityManager).makeOrTakeAhead(pass, windows.recentStart.atStartOfDay(),
                    windows.monthStart, windows.endTime);
        });
    }

    /**
     * Makes pass {@code pass} by {@code making}, or, when that fails, lets go of whatever half of it was made: the
     * caller that failed to prepare a pass does not release it, and a pass's name may never be asked for again.
     */
    private int wholeOrNone(String pass, IntSupplier making) {
        try {
            return making.getAsInt();
        } catch (RuntimeException | Error failure) {
            release(pass);
            throw failure;
        }
    }

    /** Lets go of what pass {@code pass} grouped, or is grouping ahead. */
    public void release(String pass) {
        new CallProfiles(entityManager).drop(pass);
        new SurveyProfiles(entityManager).drop(pass);
    }

    /**
     * The profiles of up to {@code size} active customers whose external id sorts after {@code after}, their calls
     * read from pass {@code pass} ({@link #prepare}).
     */
    public List<CustomerProfile> page(ReportingMonth month, String pass, String after, int size) {
        return page(month, pass, after, size, latestPublishedRun(month.previous())).profiles();
    }

    /**
     * As {@link #page(ReportingMonth, String, String, int)}, the page's customers taken from {@code range} only, with
     * the month's contacts of the page's customers.
     */
    public Page pageWithContacts(ReportingMonth month, String pass, CustomerRange range, String after, int size) {
        return page(month, pass, range, after, size, latestPublishedRun(month.previous()));
    }

    /**
     * The customers active at {@code month}'s end cut into at most {@code parts} consecutive ranges of about as many
     * customers each, in external-id order, for their pages to be read side by side; fewer ranges when the month
     * holds fewer than a page of customers a range, one when it holds none.
     */
    public List<CustomerRange> ranges(ReportingMonth month, int parts) {
        return ranges(month, parts, PAGE_SIZE);
    }

    /** As {@link #ranges(ReportingMonth, int)}, a range holding at least {@code atLeast} customers. */
    List<CustomerRange> ranges(ReportingMonth month, int parts, int atLeast) {
        if (parts < 1) {
            throw new IllegalArgumentException("At least one range, not " + parts);
        }
        Windows windows = new Windows(month, zone);
        long active = entityManager.createQuery("select count(c) from Customer c where " + ACTIVE, Long.class)
                .setParameter("end", windows.end)
                .getSingleResult();
        int ranges = (int) Math.max(1, Math.min(parts, active / atLeast));
        List<CustomerRange> cut = new ArrayList<>();
        String after = "";
        for (int range = 1; range < ranges; range++) {
            // the last customer of this range: found through the external-id index, not by reading the customers
            String last = entityManager.createQuery("select c.externalId from Customer c where " + ACTIVE
                            + " order by c.externalId", String.class)
                    .setParameter("end", windows.end)
                    .setFirstResult((int) (active * range / ranges) - 1)
                    .setMaxResults(1)
                    .getSingleResult();
            cut.add(new CustomerRange(after, last));
            after = last;
        }
        cut.add(new CustomerRange(after, null));
        return cut;
    }

    /**
     * One page of profiles, and the contacts in the month of each of its customers that cost to serve prices, by
     * costing channel: calls answered or served by the IVR, and cases not made by phone.
     */
    public record Page(List<CustomerProfile> profiles, Map<String, Map<String, Long>> contacts) {

        /** The month's contacts of customer {@code ref} by costing channel; empty when they made none. */
        public Map<String, Long> contactsOf(String ref) {
            return contacts.getOrDefault(ref, Map.of());
        }
    }

    /** The latest published run of {@code month}, or null when it has none. */
    public Long latestPublishedRun(ReportingMonth month) {
        return entityManager.createQuery(
                        "select max(r.id) from Run r where r.month = :month and r.status = :published", Long.class)
                .setParameter("month", month.month().toString())
                .setParameter("published", RunStatus.PUBLISHED)
                .getSingleResult();
    }

    private Page page(ReportingMonth month, String pass, String after, int size, Long previousRun) {
        return page(month, pass, CustomerRange.ALL, after, size, previousRun);
    }

    private Page page(ReportingMonth month, String pass, CustomerRange range, String after, int size,
            Long previousRun) {
        Windows windows = new Windows(month, zone);
        Map<String, CustomerProfile> profiles = customers(windows, range, after, size);
        if (profiles.isEmpty()) {
            return new Page(List.of(), Map.of());
        }
        Map<String, Map<String, Long>> contacts = new HashMap<>();
        // The page's customers are exactly those whose id sorts in (after, last]: each source table is read over
        // that range of its customer index, so a page costs its own customers' rows whatever the month's size.
        Range refs = new Range(after, profiles.keySet().stream().reduce((first, second) -> second).orElseThrow());
        products(windows, refs, profiles);
        purchases(windows, refs, profiles);
        calls(pass, profiles, contacts);
        Map<String, LocalDateTime> latestResponse = surveys(windows, pass, profiles);
        serviceCases(windows, refs, profiles, latestResponse, contacts);
        if (previousRun != null) {
            previousScores(previousRun, refs, profiles);
        }
        return new Page(new ArrayList<>(profiles.values()), contacts);
    }

    private Map<String, CustomerProfile> customers(Windows windows, CustomerRange range, String after, int size) {
        TypedQuery<Object[]> query = entityManager.createQuery("""
                        select c.externalId, c.segment, c.valueBand, c.consentToAnalytics, c.consentToContact,
                               c.customerSince
                        from Customer c
                        where c.externalId > :after and %s%s
                        order by c.externalId""".formatted(ACTIVE,
                        range.last() == null ? "" : " and c.externalId <= :last"), Object[].class)
                .setParameter("after", after)
                .setParameter("end", windows.end)
                .setMaxResults(size);
        if (range.last() != null) {
            query.setParameter("last", range.last());
        }
        List<Object[]> rows = query.getResultList();
        Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
        for (Object[] row : rows) {
            LocalDate since = (LocalDate) row[5];
            int tenure = since == null ? 0 : (int) Math.max(0, ChronoUnit.MONTHS.between(since, windows.end));
            profiles.put((String) row[0], new CustomerProfile((String) row[0])
                    .segment((String) row[1])
                    .valueBand((String) row[2])
                    .consentToAnalytics((Boolean) row[3])
                    .consentToContact((Boolean) row[4])
                    .tenureMonths(tenure));
        }
        return profiles;
    }

    /** Products held: distinct product categories bought in the 12 months. */
    private void products(Windows windows, Range refs, Map<String, CustomerProfile> profiles) {
        entityManager.createQuery("""
                        select p.customerRef, count(distinct p.productCategory)
                        from Purchase p
                        where p.customerRef > :after and p.customerRef <= :last and p.productCategory is not null
                          and p.purchasedOn >= :from and p.purchasedOn < :end
                        group by p.customerRef""", Object[].class)
                .setParameter("after", refs.after())
                .setParameter("last", refs.last())
                .setParameter("from", windows.yearStart)
                .setParameter("end", windows.end)
                .getResultList()
                .forEach(row -> onPage(profiles, row, profile -> profile.productsHeld(asInt(row[1]))));
    }

    /**
     * Purchases in the 90 days, days since the latest purchase ever, and the spend trend: spend in the 90
     * days against the 90 days before, in percent (0 when nothing was spent in the 90 days before).
     */
    private void purchases(Windows windows, Range refs, Map<String, CustomerProfile> profiles) {
        entityManager.createQuery("""
                        select p.customerRef, max(p.purchasedOn),
                               sum(case when p.purchasedOn >= :recent then 1 else 0 end),
                               sum(case when p.purchasedOn >= :recent then p.amount end),
                               sum(case when p.purchasedOn >= :before and p.purchasedOn < :recent then p.amount end)
                        from Purchase p
                        where p.customerRef > :after and p.customerRef <= :last and p.purchasedOn < :end
                        group by p.customerRef""", Object[].class)
                .setParameter("after", refs.after())
                .setParameter("last", refs.last())
                .setParameter("recent", windows.recentStart)
                .setParameter("before", windows.beforeRecentStart)
                .setParameter("end", windows.end)
                .getResultList()
                .forEach(row -> onPage(profiles, row, profile -> profile
                        .daysSinceLastPurchase(daysTo(((LocalDate) row[1]), windows.lastDay))
                        .purchasesLast90Days(asInt(row[2]))
                        .spendTrendPercent(trend(asDecimal(row[3]), asDecimal(row[4])))));
    }

    static double trend(BigDecimal recent, BigDecimal before) {
        if (before.signum() <= 0) {
            return 0;
        }
        return recent.subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before, 2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Self-service successes: calls in the 90 days completed in self-service by a caller who did not want an agent;
     * and each customer's calls in the month answered or served by the IVR, by costing channel. Read from the calls
     * grouped for this pass ({@link #prepare}), customer by customer of the page.
     */
    private void calls(String pass, Map<String, CustomerProfile> profiles, Map<String, Map<String, Long>> contacts) {
        new CallProfiles(entityManager).forEach(pass, profiles.keySet(), (ref, calls) -> {
            CustomerProfile profile = profiles.get(ref);
            profile.selfServiceSuccesses(profile.getSelfServiceSuccesses() + calls.selfServiceSuccesses());
            calls.contacts().forEach((costing, count) -> contacts.computeIfAbsent(ref, customer -> new HashMap<>())
                    .merge(costing, count, Long::sum));
        });
    }

    /**
     * The latest response in the 12 months (its NPS, CSAT and effort; ties on the time go to the last stored) and the
     * responses with a comment in the 12 months, read from the answers grouped for this pass ({@link #prepare}).
     *
     * @return each surveyed customer's latest response time
     */
    private Map<String, LocalDateTime> surveys(Windows windows, String pass, Map<String, CustomerProfile> profiles) {
        Map<String, LocalDateTime> latest = new HashMap<>();
        new SurveyProfiles(entityManager).forEach(pass, profiles.keySet(), (ref, surveys) -> {
            latest.put(ref, surveys.latestAt());
            CustomerProfile profile = profiles.get(ref);
            profile.latestNps(surveys.nps())
                    .latestCsat(surveys.csat())
                    .latestEffort(surveys.effort())
                    .daysSinceLatestSurvey(daysTo(surveys.latestAt().toLocalDate(), windows.lastDay))
                    .feedbackGiven(profile.getFeedbackGiven() + surveys.withComment());
        });
        return latest;
    }

    /**
     * Compliments and complaints in the 12 months (each also counts as feedback given), whether a call back was
     * opened after the latest survey response, and each customer's cases in the month not made by phone, by costing
     * channel.
     */
    private void serviceCases(Windows windows, Range refs, Map<String, CustomerProfile> profiles,
            Map<String, LocalDateTime> latestResponse, Map<String, Map<String, Long>> contacts) {
        Map<String, CaseCounts> counted = new LinkedHashMap<>();
        entityManager.createQuery("""
                        select s.customerRef, s.channel,
                               sum(case when s.kind = org.rapport.engine.servicecase.ServiceCaseKind.COMPLIMENT
                                        then 1 else 0 end),
                               sum(case when s.kind = org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT
                                        then 1 else 0 end),
                               max(case when s.kind = org.rapport.engine.servicecase.ServiceCaseKind.CALL_BACK
                                        then s.openedAt end),
                               sum(case when s.openedAt >= :monthStart then 1 else 0 end)
                        from ServiceCase s
                        where s.customerRef > :after and s.customerRef <= :last and s.openedAt >= :from and s.openedAt < :end
                        group by s.customerRef, s.channel""", Object[].class)
                .setParameter("after", refs.after())
                .setParameter("last", refs.last())
                .setParameter("monthStart", windows.monthStart.atZone(zone).toInstant())
                .setParameter("from", windows.yearStart.atStartOfDay(zone).toInstant())
                .setParameter("end", windows.endTime.atZone(zone).toInstant())
                .getResultList()
                .forEach(row -> onPage(profiles, row, profile -> {
                    String ref = (String) row[0];
                    counted.computeIfAbsent(ref, key -> new CaseCounts()).add(asInt(row[2]), asInt(row[3]),
                            (Instant) row[4]);
                    long inMonth = asLong(row[5]);
                    if (inMonth > 0 && CostToServeMeasures.caseCounts((String) row[1])) {
                        contacts.computeIfAbsent(ref, key -> new HashMap<>())
                                .merge(CostToServeMeasures.caseCosting((String) row[1]), inMonth, Long::sum);
                    }
                }));
        counted.forEach((ref, cases) -> {
            LocalDateTime surveyed = latestResponse.get(ref);
            CustomerProfile profile = profiles.get(ref);
            profile.compliments(cases.compliments)
                    .complaints(cases.complaints)
                    .feedbackGiven(profile.getFeedbackGiven() + cases.compliments + cases.complaints)
                    .calledBackSinceLatestSurvey(cases.callBack != null && surveyed != null
                            && cases.callBack.isAfter(surveyed.atZone(zone).toInstant()));
        });
    }

    /** One customer's cases in the 12 months, added up over their channels. */
    private static final class CaseCounts {

        int compliments;
        int complaints;
        Instant callBack;

        void add(int moreCompliments, int moreComplaints, Instant latestCallBack) {
            compliments += moreCompliments;
            complaints += moreComplaints;
            if (latestCallBack != null && (callBack == null || latestCallBack.isAfter(callBack))) {
                callBack = latestCallBack;
            }
        }
    }

    /** Last month's stage and index, from the previous month's latest published run. */
    private void previousScores(long previousRun, Range refs, Map<String, CustomerProfile> profiles) {
        entityManager.createQuery("""
                        select s.customerRef, s.stage, s.index
                        from CustomerScore s
                        where s.run.id = :run and s.customerRef > :after and s.customerRef <= :last""", Object[].class)
                .setParameter("run", previousRun)
                .setParameter("after", refs.after())
                .setParameter("last", refs.last())
                .getResultList()
                .forEach(row -> onPage(profiles, row, profile -> {
                    BigDecimal index = (BigDecimal) row[2];
                    profile.previousStage(stage((String) row[1]))
                            .previousIndex(index == null ? null : index.setScale(0, RoundingMode.HALF_UP).intValue());
                }));
    }

    /**
     * Hands the profile of the row's customer (its first column) to {@code fill}; rows of ids in the page's range
     * that are no customer of the page (not active at month end, or unknown) are left out.
     */
    private static void onPage(Map<String, CustomerProfile> profiles, Object[] row, Consumer<CustomerProfile> fill) {
        CustomerProfile profile = profiles.get((String) row[0]);
        if (profile != null) {
            fill.accept(profile);
        }
    }

    /** The page's customers' ids: after {@code after}, up to and including {@code last}. */
    private record Range(String after, String last) {
    }

    /** The stage a score was stored with ("regular"), or null when it has none the rules know. */
    static Stage stage(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return Stage.valueOf(stored.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Integer daysTo(LocalDate day, LocalDate lastDay) {
        return day == null ? null : (int) ChronoUnit.DAYS.between(day, lastDay);
    }

    private static int asInt(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal asDecimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    /** The windows one month's profiles are cut in. */
    private static final class Windows {

        final LocalDate end;
        final LocalDateTime endTime;
        final LocalDateTime monthStart;
        final LocalDate lastDay;
        final LocalDate yearStart;
        final LocalDate recentStart;
        final LocalDate beforeRecentStart;

        Windows(ReportingMonth month, ZoneId zone) {
            this.end = month.endExclusive();
            this.endTime = month.endTime();
            this.monthStart = month.startTime();
            this.lastDay = end.minusDays(1);
            this.yearStart = month.month().minusMonths(WINDOW_MONTHS - 1L).atDay(1);
            this.recentStart = end.minusDays(RECENT_DAYS);
            this.beforeRecentStart = recentStart.minusDays(RECENT_DAYS);
        }

        /** Where the survey answers scoring reads begin: the 12 months' first day. */
        LocalDateTime surveysFrom() {
            return yearStart.atStartOfDay();
        }
    }
}
