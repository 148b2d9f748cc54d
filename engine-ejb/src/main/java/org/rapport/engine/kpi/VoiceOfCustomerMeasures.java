package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.servicecase.ServiceCaseKind;

/**
 * NPS, CSAT, effort, survey reach and closed loop: what customers tell us, whether we hear all of them,
 * and whether we call detractors back. Each overall and by the breakdowns the catalogue gives it.
 */
public class VoiceOfCustomerMeasures implements MeasureFamily {

    private static final int REACH_WINDOW_MONTHS = 12;

    /** Survey answers reach the customer through their reference and the channel through the touchpoint. */
    private static final SliceSource RESPONSES = SliceSource.jpql("SurveyResponse r", "r.customerRef", "r.touchpoint");

    private static final String IN_MONTH = "r.respondedAt >= :start and r.respondedAt < :end";

    /**
     * Days from a detractor's answer to the first day after the second working day that follows it, by the
     * answer's day of the week (1 Sunday … 7 Saturday, as {@code extract(day of week)} gives it on every
     * database): Monday to Wednesday +3, Thursday and Friday +5 (over the weekend), Saturday +4, Sunday +3.
     */
    private static final String CALL_BACK_DEADLINE = """
            extract(epoch from cast(r.respondedAt as LocalDate)
                    + (case extract(day of week from r.respondedAt) when 5 then 5 when 6 then 5 when 7 then 4
                       else 3 end) day)""";

    private final EntityManager entityManager;
    private final ZoneId zone;

    public VoiceOfCustomerMeasures(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Measures whose call-back instants are read in the contact centre's {@code zone}. */
    public VoiceOfCustomerMeasures(EntityManager entityManager, ZoneId zone) {
        this.entityManager = entityManager;
        this.zone = zone;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measured = new ArrayList<>();
        measured.addAll(netPromoterScore(month));
        measured.addAll(satisfaction(month));
        measured.addAll(effort(month));
        List<Measurement> reach = surveyReach(month);
        measured.addAll(reach);
        measured.add(reachGap(reach.stream()
                .filter(m -> m.dimension().startsWith(Breakdown.VALUE_BAND.prefix())).toList()));
        measured.addAll(closedLoop(month));
        return measured;
    }

    List<Measurement> netPromoterScore(ReportingMonth month) {
        return responses(month, KpiCatalogue.NPS, """
                count(r), sum(case when r.nps >= 9 then 1 else 0 end), sum(case when r.nps <= 6 then 1 else 0 end)""",
                "r.nps is not null").stream()
                .map(slice -> {
                    // (promoters − detractors) / answers in one division: two rounded shares subtracted
                    // would make 2 promoters and 1 detractor of 3 answers 33.34 rather than 33.33.
                    long answers = slice.count(0);
                    return Measurement.of(KpiCatalogue.NPS, slice.dimension(),
                            Measurement.percent(slice.count(1) - slice.count(2), answers), answers);
                })
                .toList();
    }

    List<Measurement> satisfaction(ReportingMonth month) {
        return responses(month, KpiCatalogue.CSAT, "count(r), sum(case when r.csat >= 4 then 1 else 0 end)",
                "r.csat is not null").stream()
                .map(slice -> Measurement.of(KpiCatalogue.CSAT, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }

    List<Measurement> effort(ReportingMonth month) {
        return responses(month, KpiCatalogue.EFFORT, "count(r), avg(r.effort)", "r.effort is not null").stream()
                .map(slice -> {
                    Double mean = slice.number(1);
                    return Measurement.of(KpiCatalogue.EFFORT, slice.dimension(),
                            mean == null ? null : BigDecimal.valueOf(mean), slice.count(0));
                })
                .toList();
    }

    private List<SlicedQuery.Slice> responses(ReportingMonth month, String code, String aggregates, String answered) {
        return new SlicedQuery(entityManager, RESPONSES, aggregates, answered + " and " + IN_MONTH,
                Map.of("start", month.startTime(), "end", month.endTime()))
                .slices(KpiCatalogue.breakdowns(code));
    }

    /** Reach overall and per segment and value band, so the board sees whether poorer customers are heard too. */
    List<Measurement> surveyReach(ReportingMonth month) {
        return new SlicedQuery(entityManager, SliceSource.jpqlWithCustomer("Customer c", "c", null), """
                count(c), sum(case when exists (select 1 from SurveyResponse r where r.customerRef = c.externalId
                                  and r.respondedAt >= :from and r.respondedAt < :endTime) then 1 else 0 end)""",
                "(c.customerSince is null or c.customerSince < :end) and (c.churnedOn is null or c.churnedOn >= :end)",
                Map.of("end", month.endExclusive(),
                        "from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay(),
                        "endTime", month.endTime()))
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.SURVEY_REACH)).stream()
                .map(slice -> Measurement.of(KpiCatalogue.SURVEY_REACH, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }

    /** Best-reached band minus worst-reached band; needs two bands to mean anything. */
    static Measurement reachGap(List<Measurement> byBand) {
        List<BigDecimal> reaches = byBand.stream().map(Measurement::value).filter(java.util.Objects::nonNull).toList();
        BigDecimal gap = reaches.size() < 2 ? null
                : reaches.stream().max(BigDecimal::compareTo).orElseThrow()
                        .subtract(reaches.stream().min(BigDecimal::compareTo).orElseThrow());
        return Measurement.overall(KpiCatalogue.SURVEY_REACH_GAP, gap, reaches.size());
    }

    /**
     * Detractor answers followed in time by a call-back case. Survey times are the contact centre's local
     * time and case times instants, so the cases' are read in local time ({@link LocalClock}) and both are
     * compared as epoch seconds in the database. Only detractors who agreed to be contacted count: calling
     * the others back is not ours to do.
     */
    List<Measurement> closedLoop(ReportingMonth month) {
        SliceSource detractors = SliceSource.jpqlWithCustomer(
                "SurveyResponse r join Customer k on k.externalId = r.customerRef", "k", "r.touchpoint");
        // No call-back before the month, nor after the deadline of its last answer, can count: a bound the index uses.
        Instant casesFrom = month.startTime().minusDays(1).atZone(zone).toInstant();
        Instant casesTo = month.endTime().plusDays(6).atZone(zone).toInstant();
        LocalClock clock = LocalClock.of(zone, casesFrom, casesTo);
        String calledBack = clock.localSeconds("s.openedAt");
        Map<String, Object> parameters = new HashMap<>(clock.parameters());
        parameters.putAll(Map.of("start", month.startTime(), "end", month.endTime(),
                "callBack", ServiceCaseKind.CALL_BACK, "casesFrom", casesFrom, "casesTo", casesTo));
        return new SlicedQuery(entityManager, detractors, """
                count(r), sum(case when exists (
                    select 1 from ServiceCase s
                    where s.customerRef = r.customerRef and s.kind = :callBack
                      and s.openedAt >= :casesFrom and s.openedAt < :casesTo
                      and %1$s >= extract(epoch from r.respondedAt)
                      and %1$s < %2$s
                ) then 1 else 0 end)""".formatted(calledBack, CALL_BACK_DEADLINE),
                "r.nps is not null and r.nps <= 6 and k.consentToContact = true and " + IN_MONTH, parameters)
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.CLOSED_LOOP)).stream()
                .map(slice -> Measurement.of(KpiCatalogue.CLOSED_LOOP, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }
}
