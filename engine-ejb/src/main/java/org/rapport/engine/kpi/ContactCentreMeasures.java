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
 * The moments of truth beyond time to a human: repeating information, waiting too long, an agent
 * without the history, the wrong channel, coming back within a week, and resolving at the first
 * contact. Each overall and by the breakdowns the catalogue gives it.
 */
public class ContactCentreMeasures implements MeasureFamily {

    /** The answer-time target behind the service level: 80/20 is the industry's usual yardstick. */
    static final int SERVICE_LEVEL_SECONDS = 20;

    private static final long SECONDS_A_DAY = 86_400L;

    private final EntityManager entityManager;
    private final ZoneId zone;
    private final MonthPasses passes;

    public ContactCentreMeasures(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Measures whose service-case instants are read in the contact centre's {@code zone}. */
    public ContactCentreMeasures(EntityManager entityManager, ZoneId zone) {
        this(entityManager, zone, new MonthPasses(entityManager));
    }

    ContactCentreMeasures(EntityManager entityManager, ZoneId zone, MonthPasses passes) {
        this.entityManager = entityManager;
        this.zone = zone;
        this.passes = passes;
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
        return shares(KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER, month, CallMonth.TRANSFERRED, CallMonth.REIDENTIFIED);
    }

    List<Measurement> averageSpeedOfAnswer(ReportingMonth month) {
        return passes.calls(month).slices(KpiCatalogue.breakdowns(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER),
                        CallMonth.ANSWERED).stream()
                .map(slice -> {
                    long answered = slice.count(CallMonth.ANSWERED);
                    BigDecimal seconds = answered == 0 ? null : BigDecimal.valueOf(
                            (double) slice.count(CallMonth.ANSWERED_QUEUE_SECONDS) / answered);
                    return Measurement.of(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, slice.dimension(), seconds, answered);
                })
                .toList();
    }

    List<Measurement> serviceLevel(ReportingMonth month) {
        return shares(KpiCatalogue.SERVICE_LEVEL, month, CallMonth.QUEUED, CallMonth.ANSWERED_IN_TIME);
    }

    List<Measurement> queueAbandonment(ReportingMonth month) {
        return shares(KpiCatalogue.QUEUE_ABANDONMENT, month, CallMonth.QUEUED, CallMonth.ABANDONED_IN_QUEUE);
    }

    List<Measurement> noHistory(ReportingMonth month) {
        return shares(KpiCatalogue.NO_HISTORY, month, CallMonth.HISTORY_KNOWN, CallMonth.WITHOUT_HISTORY);
    }

    /** Calls of customers with a preferred channel, made in it; calls of no known customer are not counted. */
    List<Measurement> preferredChannel(ReportingMonth month) {
        return shares(KpiCatalogue.PREFERRED_CHANNEL, month, CallMonth.WITH_PREFERENCE, CallMonth.IN_PREFERRED);
    }

    /**
     * Calls from a known caller followed by another of theirs within the week: the one pass over the month's
     * calls looks each up in the caller's calls ({@link CallMonth}).
     */
    List<Measurement> repeatContacts(ReportingMonth month) {
        return shares(KpiCatalogue.REPEAT_CONTACT_RATE, month, CallMonth.FROM_KNOWN_CALLER, CallMonth.REPEATED);
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

    /** Each slice's share of calls counted at {@code matching} among those counted at {@code counted}. */
    private List<Measurement> shares(String code, ReportingMonth month, int counted, int matching) {
        return passes.calls(month).slices(KpiCatalogue.breakdowns(code), counted).stream()
                .map(slice -> Measurement.of(code, slice.dimension(),
                        Measurement.percent(slice.count(matching), slice.count(counted)), slice.count(counted)))
                .toList();
    }

    /** Each slice's (count, matching) as the share of matching, over how many there were; one grouped query. */
    private static List<Measurement> shares(String code, SlicedQuery query) {
        return query.totals().slices(KpiCatalogue.breakdowns(code), -1).stream()
                .map(slice -> Measurement.of(code, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }
}
