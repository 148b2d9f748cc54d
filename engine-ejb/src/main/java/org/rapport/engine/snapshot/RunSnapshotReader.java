package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.action.ActionFollowUps;
import org.rapport.engine.action.FollowUpSignal;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.engine.kpi.KpiEvidence;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.MonthObservations;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.run.PublishedRuns;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunStatus;
import org.rapport.engine.run.Trigger;

/**
 * Reads what a run stored, plus aggregates of the month's data, into the snapshot a pack is rendered
 * from. Every query aggregates in the database (counts and sums grouped by stage, band or reason) or
 * reads a handful of rows (the run's KPI lines and triggers, a few comments); no table is loaded into
 * memory. Nothing that identifies a customer leaves this class: comments are scrubbed here.
 */
public class RunSnapshotReader {

    /** Survey reach looks back over the 12 months to month end (DESIGN.md). */
    static final int REACH_WINDOW_MONTHS = 12;

    /** Verbatims quoted per tone (detractors, then promoters). */
    static final int VERBATIMS_PER_TONE = 3;

    /** DESIGN.md: the value of a lost customer where the CRM does not know it, £ a year. */
    static final BigDecimal DEFAULT_ANNUAL_VALUE = new BigDecimal("248");

    /** The published baseline of why customers leave, % (DESIGN.md, Retention). */
    static final Map<ChurnReason, BigDecimal> CHURN_BASELINE = baseline();

    /** DESIGN.md's stages, lowest first; stages the rules add are shown after these. */
    static final List<String> STAGE_ORDER = List.of("unengaged", "casual", "regular", "loyal", "advocate");

    static final List<String> BAND_ORDER = List.of("high", "medium", "low");

    static final String UNKNOWN_BAND = "unknown";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManager entityManager;

    public RunSnapshotReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private static Map<ChurnReason, BigDecimal> baseline() {
        Map<ChurnReason, BigDecimal> baseline = new LinkedHashMap<>();
        baseline.put(ChurnReason.TREATMENT, BigDecimal.valueOf(68));
        baseline.put(ChurnReason.PRODUCT_OR_SERVICE, BigDecimal.valueOf(14));
        baseline.put(ChurnReason.BETTER_OFFER, BigDecimal.valueOf(9));
        baseline.put(ChurnReason.SERIAL_SWITCHER, BigDecimal.valueOf(5));
        baseline.put(ChurnReason.STOPPED_USING, BigDecimal.valueOf(3));
        baseline.put(ChurnReason.DECEASED, BigDecimal.valueOf(1));
        return Map.copyOf(baseline);
    }

    public RunSnapshot read(long runId, String companyName) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        YearMonth month = run.getMonth();
        ReportingMonth reporting = ReportingMonth.of(month);
        Long lastMonthRun = new PublishedRuns(entityManager).latest(month.minusMonths(1)).orElse(null);

        List<KpiLine> kpis = kpiLines(runId, MonthObservations.of(entityManager, reporting, ZoneOffset.UTC));
        List<TriggerLine> lastMonthTriggers = lastMonthRun == null ? List.of() : lastMonthActions(runId, lastMonthRun);
        List<TriggerLine> triggers = SnapshotSections.bySeverity(raised(triggers(runId), lastMonthTriggers));
        List<BatchLine> batches = run.getSourceBatches().stream()
                .map(b -> new BatchLine(b.getKind().name(), b.getName(), b.getChecksum(), b.getRowsAccepted(),
                        b.getRowsQuarantined()))
                .toList();

        return new RunSnapshot(runId, month, companyName, run.getRuleSetVersion().describe(), run.getStartedAt(),
                kpis, triggers, batches,
                SnapshotSections.headlines(month, kpis, trends(month)),
                SnapshotSections.movements(kpis),
                engagement(runId, lastMonthRun, SnapshotSections.family(kpis, KpiTraits.Family.ENGAGEMENT)),
                voice(reporting, kpis),
                retention(reporting, kpis),
                SnapshotSections.momentsOfTruth(kpis),
                SnapshotSections.actionPoints(month, triggers, lastMonthRun != null, lastMonthTriggers),
                new Appendix(SnapshotSections.coverage(batches), quarantine(runId),
                        SnapshotSections.definitions(kpis), run.getRuleSetVersion().getChecksum()), PackNotice.NONE);
    }

    /**
     * The run's KPI lines, each figure without a value saying why, from what the month held when the snapshot was
     * taken (the run's measure step reads the same records: intake is closed for the run). Service cases are cut
     * into days in UTC, as the run measures them.
     */
    private List<KpiLine> kpiLines(long runId, MonthObservations observed) {
        return entityManager.createQuery("select k from KpiValue k where k.run.id = :run", KpiValue.class)
                .setParameter("run", runId)
                .getResultStream()
                .sorted(Comparator.comparingInt((KpiValue k) -> KpiCatalogue.position(k.getCode()))
                        .thenComparing(KpiValue::getCode)
                        .thenComparing(k -> SnapshotSections.OVERALL.equals(k.getDimension()) ? "" : k.getDimension()))
                .map(value -> line(value, observed))
                .toList();
    }

    private static KpiLine line(KpiValue value, MonthObservations observed) {
        KpiDefinition definition = KpiTraits.definition(value.getCode());
        String noDataReason = value.getValue() != null ? null : KpiEvidence.noDataReason(value.getCode(),
                SnapshotSections.OVERALL.equals(value.getDimension()), observed);
        return new KpiLine(value.getCode(), definition.name(), definition.unit(), value.getDimension(),
                value.getValue(), value.getTarget(), value.getRag(), value.getPrevious(), value.getSampleSize(),
                noDataReason);
    }

    private List<TriggerLine> triggers(long runId) {
        return entityManager.createQuery(
                        "select t from Trigger t where t.run.id = :run order by t.id", Trigger.class)
                .setParameter("run", runId)
                .getResultStream()
                .map(t -> new TriggerLine(t.getCode(), t.getTitle(), t.getPillar(), t.getSeverity(), t.getEvidence(),
                        t.getOwner(), t.getStatus().name(), t.getId(), null, null))
                .toList();
    }

    /**
     * Last month's action points with the team's status now and what this run's evaluation found about
     * each; not looked at (null) when this run has not evaluated yet or looked at another run of last month.
     */
    private List<TriggerLine> lastMonthActions(long runId, long lastMonthRun) {
        Map<Long, FollowUpSignal> found = new ActionFollowUps(entityManager).foundBy(runId);
        return triggers(lastMonthRun).stream()
                .map(action -> action.followedUp(found.containsKey(action.id()) ? found.get(action.id()).name() : null))
                .toList();
    }

    /**
     * This month's triggers marked as continuing one of last month's action points or as new; unknown
     * (null) when last month had actions this run did not follow up.
     */
    private static List<TriggerLine> raised(List<TriggerLine> triggers, List<TriggerLine> lastMonthActions) {
        boolean followedUp = lastMonthActions.isEmpty()
                || lastMonthActions.stream().anyMatch(action -> action.followUp() != null);
        Set<String> stillFiring = lastMonthActions.stream().filter(TriggerLine::stillFiring).map(TriggerLine::code)
                .collect(Collectors.toSet());
        return triggers.stream()
                .map(trigger -> trigger.raised(followedUp ? stillFiring.contains(trigger.code()) : null))
                .toList();
    }

    /**
     * The headline KPIs' overall values over the eleven months before {@code month}, each month from its
     * latest published run: one query.
     */
    private Map<String, List<TrendPoint>> trends(YearMonth month) {
        List<Object[]> rows = entityManager.createQuery("""
                        select r.month, k.code, k.value
                        from KpiValue k join k.run r
                        where k.code in :codes and k.dimension = :overall
                          and r.month >= :from and r.month < :month and r.status = :published
                          and r.id = (select max(l.id) from Run l where l.month = r.month and l.status = :published)
                        order by r.month""", Object[].class)
                .setParameter("codes", KpiTraits.HEADLINE_CODES)
                .setParameter("overall", SnapshotSections.OVERALL)
                .setParameter("from", month.minusMonths(11).toString())
                .setParameter("month", month.toString())
                .setParameter("published", RunStatus.PUBLISHED)
                .getResultList();
        Map<String, List<TrendPoint>> trends = new HashMap<>();
        for (Object[] row : rows) {
            trends.computeIfAbsent((String) row[1], code -> new ArrayList<>())
                    .add(new TrendPoint(YearMonth.parse((String) row[0]), (BigDecimal) row[2]));
        }
        return trends;
    }

    /**
     * Customers per stage this run and last month's, their average index, and how the customers scored in
     * both months moved: one query, see {@link #stagePairs}.
     */
    private EngagementStages engagement(long runId, Long lastMonthRun, List<KpiLine> kpis) {
        Map<String, Long> now = new HashMap<>();
        Map<String, Long> before = new HashMap<>();
        List<Object[]> pairs = stagePairs(runId, lastMonthRun == null ? -1L : lastMonthRun);
        double indexSum = 0;
        long indexed = 0;
        for (Object[] pair : pairs) {
            long customers = ((Number) pair[2]).longValue();
            if (pair[0] != null) {
                now.merge(stage((String) pair[0]), customers, Long::sum);
                indexSum += pair[3] == null ? 0 : ((Number) pair[3]).doubleValue();
                indexed += ((Number) pair[4]).longValue();
            }
            if (pair[1] != null) {
                before.merge(stage((String) pair[1]), customers, Long::sum);
            }
        }
        if (now.isEmpty()) {
            return EngagementStages.of(kpis);
        }
        BigDecimal averageIndex = indexed == 0 ? null : scale(indexSum / indexed);
        boolean compared = !before.isEmpty();
        List<String> order = new ArrayList<>(STAGE_ORDER);
        new TreeMap<>(now).keySet().stream().filter(stage -> !order.contains(stage)).forEach(order::add);
        new TreeMap<>(before).keySet().stream().filter(stage -> !order.contains(stage)).forEach(order::add);
        List<EngagementStages.Stage> stages = order.stream()
                .map(stage -> new EngagementStages.Stage(stage, now.getOrDefault(stage, 0L),
                        compared ? before.getOrDefault(stage, 0L) : null))
                .toList();
        long scored = now.values().stream().mapToLong(Long::longValue).sum();
        long up = 0;
        long down = 0;
        long same = 0;
        long newlyScored = 0;
        for (Object[] pair : compared ? pairs : List.<Object[]>of()) {
            if (pair[0] == null) {
                continue;
            }
            long customers = ((Number) pair[2]).longValue();
            if (pair[1] == null) {
                newlyScored += customers;
                continue;
            }
            int step = Integer.compare(order.indexOf(stage((String) pair[0])), order.indexOf(stage((String) pair[1])));
            if (step > 0) {
                up += customers;
            } else if (step < 0) {
                down += customers;
            } else {
                same += customers;
            }
        }
        return new EngagementStages(kpis, stages, scored, averageIndex, compared, up, down, same, newlyScored);
    }

    /**
     * Customers scored in either run by (stage this run or null, stage last month or null), with the sum
     * and count of this run's indices: one pass over both runs' scores grouped by customer rather than a
     * self-join, so neither database needs an index on the customer to pair 100,000 scores with last
     * month's. A score without a stage counts under "" (shown as "unstaged").
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> stagePairs(long runId, long lastMonthRun) {
        return entityManager.createNativeQuery("""
                        select now_stage, before_stage, count(*), sum(now_index), count(now_index)
                        from (select customer_ref,
                                     max(case when run_id = ?1 then coalesce(stage, '') end) as now_stage,
                                     max(case when run_id = ?1 then engagement_index end) as now_index,
                                     max(case when run_id = ?2 then coalesce(stage, '') end) as before_stage
                              from customer_score
                              where run_id in (?1, ?2)
                              group by customer_ref) pairs
                        group by now_stage, before_stage""")
                .setParameter(1, runId)
                .setParameter(2, lastMonthRun)
                .getResultList();
    }

    private static String stage(String stored) {
        return stored == null || stored.isBlank() ? "unstaged" : stored.strip().toLowerCase(Locale.ROOT);
    }

    private VoiceOfCustomer voice(ReportingMonth month, List<KpiLine> kpis) {
        List<VoiceOfCustomer.BandReach> reach = asMeasured(reachByBand(month), kpis);
        // customers without a band are listed but are not a band: they take no part in the gap
        List<BigDecimal> reaches = reach.stream().filter(band -> !UNKNOWN_BAND.equals(band.valueBand()))
                .map(VoiceOfCustomer.BandReach::reach).filter(java.util.Objects::nonNull).toList();
        BigDecimal gap = reaches.size() < 2 ? null
                : reaches.stream().max(Comparator.naturalOrder()).orElseThrow()
                        .subtract(reaches.stream().min(Comparator.naturalOrder()).orElseThrow());
        long comments = entityManager.createQuery("""
                        select count(r) from SurveyResponse r
                        where r.comment is not null and r.comment <> '' and r.respondedAt >= :start and r.respondedAt < :end""",
                        Long.class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        List<VoiceOfCustomer.Verbatim> verbatims = new ArrayList<>();
        verbatims.addAll(verbatims(month, "r.nps <= 6", "detractor"));
        verbatims.addAll(verbatims(month, "r.nps >= 9", "promoter"));
        return new VoiceOfCustomer(SnapshotSections.family(kpis, KpiTraits.Family.VOICE_OF_CUSTOMER), reach, gap,
                comments, verbatims);
    }

    /**
     * Survey reach per value band among customers active at month end: two grouped counts. "Heard" uses
     * {@code in (subquery)} rather than a correlated {@code exists}, so both databases can answer it with
     * one pass over the window's responses and the customer id index.
     */
    private List<VoiceOfCustomer.BandReach> reachByBand(ReportingMonth month) {
        String active = """
                from Customer c
                where (c.customerSince is null or c.customerSince < :end)
                  and (c.churnedOn is null or c.churnedOn >= :end)""";
        Map<String, Long> activeByBand = bandCounts(entityManager.createQuery(
                        "select c.valueBand, count(c) " + active + " group by c.valueBand", Object[].class)
                .setParameter("end", month.endExclusive())
                .getResultList());
        if (activeByBand.isEmpty()) {
            return List.of();
        }
        Map<String, Long> heardByBand = bandCounts(entityManager.createQuery("select c.valueBand, count(c) " + active
                                + """
                                 and c.externalId in (select r.customerRef from SurveyResponse r
                                                      where r.respondedAt >= :from and r.respondedAt < :endTime)
                                group by c.valueBand""", Object[].class)
                .setParameter("end", month.endExclusive())
                .setParameter("from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay())
                .setParameter("endTime", month.endTime())
                .getResultList());
        List<String> bands = new ArrayList<>(BAND_ORDER);
        new TreeMap<>(activeByBand).keySet().stream().filter(band -> !bands.contains(band)).forEach(bands::add);
        bands.remove(UNKNOWN_BAND);
        bands.add(UNKNOWN_BAND);
        return bands.stream().filter(activeByBand::containsKey)
                .map(band -> {
                    long customers = activeByBand.get(band);
                    long heard = heardByBand.getOrDefault(band, 0L);
                    return new VoiceOfCustomer.BandReach(band, customers, heard, percent(heard, customers));
                })
                .toList();
    }

    /**
     * Each band's reach as the run stored it, so the table reads the figure of SURVEY_REACH's value-band slice
     * (one figure, one value); no reach at all when the run has no overall reach (no survey answer in the month).
     */
    private static List<VoiceOfCustomer.BandReach> asMeasured(List<VoiceOfCustomer.BandReach> counted,
            List<KpiLine> kpis) {
        Map<String, KpiLine> reach = new HashMap<>();
        kpis.stream().filter(kpi -> kpi.code().equals(KpiCatalogue.SURVEY_REACH))
                .forEach(kpi -> reach.put(kpi.dimension(), kpi));
        KpiLine overall = reach.get(Measurement.OVERALL);
        if (overall == null) {
            return counted;
        }
        return counted.stream().map(band -> {
            KpiLine slice = reach.get(Breakdown.VALUE_BAND.dimension(band.valueBand()));
            BigDecimal measured = overall.value() == null ? null : slice != null ? slice.value() : band.reach();
            return new VoiceOfCustomer.BandReach(band.valueBand(), band.active(), band.heard(), measured);
        }).toList();
    }

    private static Map<String, Long> bandCounts(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row[0] == null || ((String) row[0]).isBlank() ? UNKNOWN_BAND
                : ((String) row[0]).strip().toLowerCase(Locale.ROOT), ((Number) row[1]).longValue(), Long::sum));
        return counts;
    }

    /**
     * The month's latest few comments of one tone from customers who consented to analytics, scrubbed.
     * The customer id is read only to be removed from the text.
     */
    private List<VoiceOfCustomer.Verbatim> verbatims(ReportingMonth month, String tone, String label) {
        List<Object[]> rows = entityManager.createQuery("""
                        select r.comment, r.customerRef, r.touchpoint, r.nps
                        from SurveyResponse r join Customer c on c.externalId = r.customerRef
                        where c.consentToAnalytics = true and r.comment is not null and r.comment <> ''
                          and r.respondedAt >= :start and r.respondedAt < :end and %s
                        order by r.respondedAt desc, r.id desc""".formatted(tone), Object[].class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                // a few spare: a comment that is nothing but personal data scrubs to nothing and is skipped
                .setMaxResults(VERBATIMS_PER_TONE * 3)
                .getResultList();
        List<VoiceOfCustomer.Verbatim> verbatims = new ArrayList<>();
        for (Object[] row : rows) {
            String text = VerbatimScrubber.scrub((String) row[0], Set.of((String) row[1]));
            if (text != null && verbatims.size() < VERBATIMS_PER_TONE) {
                verbatims.add(new VoiceOfCustomer.Verbatim(label, (String) row[2], (Integer) row[3], text));
            }
        }
        return verbatims;
    }

    /** Churners of the month by reason, against the baseline, with the value they took with them. */
    private Retention retention(ReportingMonth month, List<KpiLine> kpis) {
        List<KpiLine> retentionKpis = SnapshotSections.family(kpis, KpiTraits.Family.RETENTION);
        List<Object[]> rows = entityManager.createQuery("""
                        select c.churnReason, count(c), sum(coalesce(c.annualValue, :defaultValue))
                        from Customer c
                        where c.churnedOn >= :start and c.churnedOn < :end
                        group by c.churnReason""", Object[].class)
                .setParameter("defaultValue", DEFAULT_ANNUAL_VALUE)
                .setParameter("start", month.firstDay())
                .setParameter("end", month.endExclusive())
                .getResultList();
        Map<ChurnReason, long[]> counts = new LinkedHashMap<>();
        Map<ChurnReason, BigDecimal> values = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ChurnReason reason = row[0] == null ? ChurnReason.UNKNOWN : (ChurnReason) row[0];
            counts.computeIfAbsent(reason, r -> new long[1])[0] += ((Number) row[1]).longValue();
            values.merge(reason, (BigDecimal) row[2], BigDecimal::add);
        }
        long churned = counts.values().stream().mapToLong(count -> count[0]).sum();
        if (churned == 0) {
            return Retention.of(retentionKpis);
        }
        long known = churned - counts.getOrDefault(ChurnReason.UNKNOWN, new long[1])[0];
        List<Retention.Reason> reasons = new ArrayList<>();
        for (ChurnReason reason : CHURN_BASELINE.keySet().stream()
                .sorted(Comparator.comparing(CHURN_BASELINE::get).reversed()).toList()) {
            long customers = counts.getOrDefault(reason, new long[1])[0];
            reasons.add(new Retention.Reason(reason.name(), customers, percent(customers, known),
                    CHURN_BASELINE.get(reason), values.getOrDefault(reason, BigDecimal.ZERO), shareGrade(kpis, reason)));
        }
        if (counts.containsKey(ChurnReason.UNKNOWN)) {
            reasons.add(new Retention.Reason(ChurnReason.UNKNOWN.name(), counts.get(ChurnReason.UNKNOWN)[0], null, null,
                    values.get(ChurnReason.UNKNOWN), "NONE"));
        }
        long controllable = counts.getOrDefault(ChurnReason.TREATMENT, new long[1])[0]
                + counts.getOrDefault(ChurnReason.PRODUCT_OR_SERVICE, new long[1])[0];
        BigDecimal valueLost = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        return new Retention(retentionKpis, churned, reasons, percent(controllable, known), valueLost);
    }

    /** The rules' grade of a reason's share against the baseline, from the run's CHURN_SHARE_… KPI line. */
    private static String shareGrade(List<KpiLine> kpis, ChurnReason reason) {
        String suffix = reason == ChurnReason.PRODUCT_OR_SERVICE ? "PRODUCT" : reason.name();
        return SnapshotSections.overall(kpis, KpiTraits.CHURN_SHARE_PREFIX + suffix)
                .map(KpiLine::rag).filter(rag -> rag != null && !rag.isBlank()).orElse("NONE");
    }

    /** Quarantined records of the run's files by source kind and field. */
    private List<Appendix.Quarantine> quarantine(long runId) {
        return entityManager.createQuery("""
                        select b.kind, q.field, count(q)
                        from Run r join r.sourceBatches b, QuarantinedRecord q
                        where r.id = :run and q.batch = b
                        group by b.kind, q.field
                        order by b.kind, q.field""", Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                .map(row -> new Appendix.Quarantine(String.valueOf(row[0]), (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
