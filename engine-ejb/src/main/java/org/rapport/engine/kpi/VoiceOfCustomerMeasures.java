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

    /** What the one pass over the month's answers counts, in select order. */
    private static final int NPS_ANSWERS = 0;
    private static final int PROMOTERS = 1;
    private static final int DETRACTORS = 2;
    private static final int CSAT_ANSWERS = 3;
    private static final int SATISFIED = 4;
    private static final int EFFORT_ANSWERS = 5;
    private static final int EFFORT_SUM = 6;
    private static final int CONSENTING_DETRACTORS = 7;
    private static final int CALLED_BACK = 8;

    private final EntityManager entityManager;
    private final ZoneId zone;
    private final MonthPasses passes;

    public VoiceOfCustomerMeasures(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Measures whose call-back instants are read in the contact centre's {@code zone}. */
    public VoiceOfCustomerMeasures(EntityManager entityManager, ZoneId zone) {
        this(entityManager, zone, new MonthPasses(entityManager));
    }

    VoiceOfCustomerMeasures(EntityManager entityManager, ZoneId zone, MonthPasses passes) {
        this.entityManager = entityManager;
        this.zone = zone;
        this.passes = passes;
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
        return answers(month, KpiCatalogue.NPS, NPS_ANSWERS).stream()
                .map(slice -> {
                    // (promoters − detractors) / answers in one division: two rounded shares subtracted
                    // would make 2 promoters and 1 detractor of 3 answers 33.34 rather than 33.33.
                    long answers = slice.count(NPS_ANSWERS);
                    return Measurement.of(KpiCatalogue.NPS, slice.dimension(),
                            Measurement.percent(slice.count(PROMOTERS) - slice.count(DETRACTORS), answers), answers);
                })
                .toList();
    }

    List<Measurement> satisfaction(ReportingMonth month) {
        return answers(month, KpiCatalogue.CSAT, CSAT_ANSWERS).stream()
                .map(slice -> Measurement.of(KpiCatalogue.CSAT, slice.dimension(),
                        Measurement.percent(slice.count(SATISFIED), slice.count(CSAT_ANSWERS)),
                        slice.count(CSAT_ANSWERS)))
                .toList();
    }

    List<Measurement> effort(ReportingMonth month) {
        return answers(month, KpiCatalogue.EFFORT, EFFORT_ANSWERS).stream()
                .map(slice -> {
                    long answers = slice.count(EFFORT_ANSWERS);
                    BigDecimal mean = answers == 0 ? null
                            : BigDecimal.valueOf((double) slice.count(EFFORT_SUM) / answers);
                    return Measurement.of(KpiCatalogue.EFFORT, slice.dimension(), mean, answers);
                })
                .toList();
    }

    /** The slices of {@code code} from the month's one pass over its answers: those where it counted answers. */
    private List<SlicedQuery.Slice> answers(ReportingMonth month, String code, int counted) {
        return passes.responses(month, key -> responsesOf(entityManager, zone, key)).slices(
                KpiCatalogue.breakdowns(code), counted);
    }

    /** Reads the month's answers into {@code passes} ahead of measuring, as this family counts them. */
    static void readAnswers(MonthPasses passes, ReportingMonth month, ZoneId zone) {
        passes.responses(month, key -> responsesOf(passes.entityManager(), zone, key));
    }

    /**
     * The month's answers read once: NPS, CSAT, effort and closed loop counted together, grouped by the
     * customer's segment and value band and the touchpoint ({@link SliceTotals}).
     */
    private static SliceTotals responsesOf(EntityManager entityManager, ZoneId zone, ReportingMonth month) {
        // No call-back before the month, nor after the deadline of its last answer, can count: a bound the index uses.
        Instant casesFrom = month.startTime().minusDays(1).atZone(zone).toInstant();
        Instant casesTo = month.endTime().plusDays(6).atZone(zone).toInstant();
        LocalClock clock = LocalClock.of(zone, casesFrom, casesTo);
        String calledBack = clock.localSeconds("s.openedAt");
        Map<String, Object> parameters = new HashMap<>(clock.parameters());
        parameters.putAll(Map.of("start", month.startTime(), "end", month.endTime(),
                "callBack", ServiceCaseKind.CALL_BACK, "casesFrom", casesFrom, "casesTo", casesTo));
        return new SlicedQuery(entityManager, RESPONSES, """
                sum(case when r.nps is not null then 1 else 0 end),
                sum(case when r.nps >= 9 then 1 else 0 end),
                sum(case when r.nps <= 6 then 1 else 0 end),
                sum(case when r.csat is not null then 1 else 0 end),
                sum(case when r.csat >= 4 then 1 else 0 end),
                sum(case when r.effort is not null then 1 else 0 end),
                sum(case when r.effort is not null then r.effort else 0 end),
                sum(case when r.nps <= 6 and k.consentToContact = true then 1 else 0 end),
                sum(case when r.nps <= 6 and k.consentToContact = true and exists (
                    select 1 from ServiceCase s
                    where s.customerRef = r.customerRef and s.kind = :callBack
                      and s.openedAt >= :casesFrom and s.openedAt < :casesTo
                      and %1$s >= extract(epoch from r.respondedAt)
                      and %1$s < %2$s
                ) then 1 else 0 end)""".formatted(calledBack, CALL_BACK_DEADLINE), IN_MONTH, parameters)
                .totals();
    }

    /**
     * Reach overall and per segment and value band, so the board sees whether poorer customers are heard too:
     * from the month's one pass over the customers ({@link CustomerMonth}).
     */
    List<Measurement> surveyReach(ReportingMonth month) {
        return passes.customers(month).slices(KpiCatalogue.breakdowns(KpiCatalogue.SURVEY_REACH),
                        CustomerMonth.ACTIVE_AT_END).stream()
                .map(slice -> Measurement.of(KpiCatalogue.SURVEY_REACH, slice.dimension(),
                        Measurement.percent(slice.count(CustomerMonth.REACHED), slice.count(CustomerMonth.ACTIVE_AT_END)),
                        slice.count(CustomerMonth.ACTIVE_AT_END)))
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
        return answers(month, KpiCatalogue.CLOSED_LOOP, CONSENTING_DETRACTORS).stream()
                .map(slice -> Measurement.of(KpiCatalogue.CLOSED_LOOP, slice.dimension(),
                        Measurement.percent(slice.count(CALLED_BACK), slice.count(CONSENTING_DETRACTORS)),
                        slice.count(CONSENTING_DETRACTORS)))
                .toList();
    }
}
