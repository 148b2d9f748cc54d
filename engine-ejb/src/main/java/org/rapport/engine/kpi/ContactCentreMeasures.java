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

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.servicecase.ServiceCaseKind;

/**
 * The moments of truth beyond time to a human: repeating information, waiting too long, an agent
 * without the history, the wrong channel, coming back within a week, and resolving at the first
 * contact. Each overall and by the breakdowns the catalogue gives it.
 */
public class ContactCentreMeasures implements MeasureFamily {

    /** The answer-time target behind the service level: 80/20 is the industry's usual yardstick. */
    static final int SERVICE_LEVEL_SECONDS = 20;

    private static final long SECONDS_A_DAY = 86_400L;

    private static final String IN_MONTH = "c.startedAt >= :start and c.startedAt < :end";

    private final EntityManager entityManager;
    private final ZoneId zone;

    public ContactCentreMeasures(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Measures whose service-case instants are read in the contact centre's {@code zone}. */
    public ContactCentreMeasures(EntityManager entityManager, ZoneId zone) {
        this.entityManager = entityManager;
        this.zone = zone;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measured = new ArrayList<>();
        measured.addAll(reidentifiedAfterTransfer(month));
        measured.addAll(averageSpeedOfAnswer(month));
        measured.addAll(serviceLevel(month));
        measured.addAll(queueAbandonment(month));
        measured.addAll(noHistory(month));
        measured.addAll(preferredChannel(month));
        measured.addAll(repeatContacts(month));
        measured.addAll(firstContactResolution(month));
        return measured;
    }

    List<Measurement> reidentifiedAfterTransfer(ReportingMonth month) {
        return shares(KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER, calls(month,
                "count(c), sum(case when c.timesReidentified > 0 then 1 else 0 end)", "c.transfers > 0", Map.of()));
    }

    List<Measurement> averageSpeedOfAnswer(ReportingMonth month) {
        return calls(month, "count(c), avg(c.queueSeconds)", "c.outcome = :answered",
                Map.of("answered", CallOutcome.ANSWERED))
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER)).stream()
                .map(slice -> {
                    Double seconds = slice.number(1);
                    return Measurement.of(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, slice.dimension(),
                            seconds == null ? null : BigDecimal.valueOf(seconds), slice.count(0));
                })
                .toList();
    }

    List<Measurement> serviceLevel(ReportingMonth month) {
        return shares(KpiCatalogue.SERVICE_LEVEL, calls(month,
                "count(c), sum(case when c.outcome = :answered and c.queueSeconds <= :limit then 1 else 0 end)",
                "c.outcome in (:answered, :abandoned)", Map.of("answered", CallOutcome.ANSWERED,
                        "abandoned", CallOutcome.ABANDONED_IN_QUEUE, "limit", SERVICE_LEVEL_SECONDS)));
    }

    List<Measurement> queueAbandonment(ReportingMonth month) {
        return shares(KpiCatalogue.QUEUE_ABANDONMENT, calls(month,
                "count(c), sum(case when c.outcome = :abandoned then 1 else 0 end)",
                "c.outcome in (:answered, :abandoned)", Map.of("answered", CallOutcome.ANSWERED,
                        "abandoned", CallOutcome.ABANDONED_IN_QUEUE)));
    }

    List<Measurement> noHistory(ReportingMonth month) {
        return shares(KpiCatalogue.NO_HISTORY, calls(month,
                "count(c), sum(case when c.agentSawHistory = false then 1 else 0 end)",
                "c.outcome = :answered and c.agentSawHistory is not null", Map.of("answered", CallOutcome.ANSWERED)));
    }

    List<Measurement> preferredChannel(ReportingMonth month) {
        return shares(KpiCatalogue.PREFERRED_CHANNEL, new SlicedQuery(entityManager,
                SliceSource.jpqlWithCustomer("Call c join Customer k on k.externalId = c.customerRef", "k", null),
                "count(c), sum(case when c.channel = k.preferredChannel then 1 else 0 end)",
                "k.preferredChannel is not null and " + IN_MONTH,
                Map.of("start", month.startTime(), "end", month.endTime())));
    }

    /**
     * The week after a call is computed by the database ({@code interval '7' day} is standard SQL
     * that H2 and PostgreSQL share), so no call is loaded to compare times in Java.
     */
    List<Measurement> repeatContacts(ReportingMonth month) {
        return shares(KpiCatalogue.REPEAT_CONTACT_RATE, new SlicedQuery(entityManager,
                MomentsOfTruthMeasures.CALL_ROWS, """
                count(*), sum(case when exists (
                           select 1 from call_record n
                           where n.customer_ref = c.customer_ref and n.id <> c.id
                             and n.started_at > c.started_at
                             and n.started_at <= c.started_at + interval '7' day) then 1 else 0 end)""",
                "c.customer_ref is not null and c.started_at >= :start and c.started_at < :end",
                Map.of("start", month.startTime(), "end", month.endTime())));
    }

    /**
     * Complaints, requests and enquiries opened in the month, and of them those closed on the day they were
     * opened. Case times are instants: both are read as the contact centre's local time ({@link LocalClock})
     * and cut into day numbers in the database. Compliments need no resolving and call-backs are our own
     * contacts, so neither counts.
     */
    List<Measurement> firstContactResolution(ReportingMonth month) {
        Instant start = month.startTime().atZone(zone).toInstant();
        Instant end = month.endTime().atZone(zone).toInstant();
        // Closed up to a day after the month still decides whether a case of its last day was resolved.
        LocalClock clock = LocalClock.of(zone, start, end.plusSeconds(SECONDS_A_DAY));
        Map<String, Object> parameters = new HashMap<>(clock.parameters());
        parameters.putAll(Map.of("day", SECONDS_A_DAY, "start", start, "end", end,
                "kinds", List.of(ServiceCaseKind.COMPLAINT, ServiceCaseKind.REQUEST, ServiceCaseKind.ENQUIRY)));
        return shares(KpiCatalogue.FIRST_CONTACT_RESOLUTION, new SlicedQuery(entityManager,
                SliceSource.jpql("ServiceCase s", "s.customerRef", "s.channel"), """
                count(s), sum(case when s.closedAt is not null
                                    and function('floor', %s / :day) = function('floor', %s / :day)
                                   then 1 else 0 end)""".formatted(clock.localSeconds("s.closedAt"),
                        clock.localSeconds("s.openedAt")),
                "s.kind in (:kinds) and s.openedAt >= :start and s.openedAt < :end", parameters));
    }

    private SlicedQuery calls(ReportingMonth month, String aggregates, String condition, Map<String, ?> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("start", month.startTime());
        all.put("end", month.endTime());
        return new SlicedQuery(entityManager, MomentsOfTruthMeasures.CALLS, aggregates, condition + " and " + IN_MONTH,
                all);
    }

    /** Each slice's (count, matching) as the share of matching, over how many there were. */
    private static List<Measurement> shares(String code, SlicedQuery query) {
        return query.slices(KpiCatalogue.breakdowns(code)).stream()
                .map(slice -> Measurement.of(code, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }
}
