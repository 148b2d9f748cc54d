package org.rapport.engine.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallBatches;
import org.rapport.engine.contact.CallDays;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.SourceKind;

/**
 * Which kinds of record the store holds for one month: the evidence a KPI needs before it can be 0.
 * A KPI whose kind of record says nothing about the month is "no data", never 0 and never graded: a
 * month no source delivered is not a month in which no one left, called or was called back.
 *
 * <p>Contacts, answers, purchases and cases are the month's when they are dated inside it. Customers
 * have no date of their own: the month's customers are known when one of them joined or left on or after
 * its first day, or when a customer file delivered after the month ended holds customers of the month (a
 * month in which nobody joined or left then has churn 0 %, a real figure). A customer file delivered before
 * the month ended cannot tell who left during it.
 *
 * @param customers     the month's customers are known
 * @param calls         calls started in the month
 * @param responses     survey answers given in the month
 * @param serviceCases  service cases opened in the month (any kind)
 * @param purchases     purchases made in the month
 */
public record MonthObservations(boolean customers, boolean calls, boolean responses, boolean serviceCases,
        boolean purchases) {

    /** No record of any kind: what a month looks like before any source delivered for it. */
    public static final MonthObservations NONE = new MonthObservations(false, false, false, false, false);

    /** A kind of record a KPI can rest on, worded as the pack says it is missing. */
    public enum Evidence {
        CUSTOMERS("customer records", "no customers known for the month"),
        CALLS("calls", "no calls dated in the month"),
        RESPONSES("survey answers", "no survey answers in the month"),
        SERVICE_CASES("service cases", "no service cases in the month"),
        PURCHASES("purchases", "no purchases in the month");

        private final String noun;
        private final String absence;

        Evidence(String noun, String absence) {
            this.noun = noun;
            this.absence = absence;
        }

        /** e.g. "survey answers" */
        public String noun() {
            return noun;
        }

        /** e.g. "no survey answers in the month" */
        public String absence() {
            return absence;
        }

        static List<Evidence> inOrder(Collection<Evidence> kinds) {
            return kinds.stream().sorted().toList();
        }
    }

    /** Whether the month holds records of {@code kind}. */
    public boolean holds(Evidence kind) {
        return switch (kind) {
            case CUSTOMERS -> customers;
            case CALLS -> calls;
            case RESPONSES -> responses;
            case SERVICE_CASES -> serviceCases;
            case PURCHASES -> purchases;
        };
    }

    /** Looks the month up, cutting service-case instants into days in the contact centre's {@code zone}. */
    public static MonthObservations of(EntityManager entityManager, ReportingMonth month, ZoneId zone) {
        Instant caseStart = month.startTime().atZone(zone).toInstant();
        Instant caseEnd = month.endTime().atZone(zone).toInstant();
        return new MonthObservations(
                customersKnown(entityManager, month, caseEnd),
                exists(entityManager, "select c.id from Call c where c.startedAt >= :start and c.startedAt < :end"
                        + " and " + CallDays.jpql("c"), callParameters(month)),
                exists(entityManager, "select r.id from SurveyResponse r where r.respondedAt >= :start"
                        + " and r.respondedAt < :end", Map.of("start", month.startTime(), "end", month.endTime())),
                exists(entityManager, "select s.id from ServiceCase s where s.openedAt >= :start and s.openedAt < :end",
                        Map.of("start", caseStart, "end", caseEnd)),
                exists(entityManager, "select p.id from Purchase p where p.purchasedOn >= :start"
                        + " and p.purchasedOn < :end", Map.of("start", month.firstDay(), "end", month.endExclusive())));
    }

    /**
     * Whether the month's customers are known: someone joined or left on or after its first day, or a customer
     * file delivered after the month ended (what the readiness rule for customers waits for) holds customers of
     * the month — then nobody leaving is churn 0 %, not an unknown.
     */
    private static boolean customersKnown(EntityManager entityManager, ReportingMonth month, Instant monthEnd) {
        if (exists(entityManager, "select c.id from Customer c where c.customerSince >= :start"
                + " or c.churnedOn >= :start", Map.of("start", month.firstDay()))) {
            return true;
        }
        return exists(entityManager, "select b.id from SourceBatch b where b.kind = :customers"
                        + " and b.status = :accepted and b.rowsAccepted > 0 and b.receivedAt >= :monthEnd",
                Map.of("customers", SourceKind.CUSTOMERS, "accepted", BatchStatus.ACCEPTED, "monthEnd", monthEnd))
                && exists(entityManager, "select c.id from Customer c where (c.customerSince is null"
                        + " or c.customerSince < :end) and (c.churnedOn is null or c.churnedOn >= :start)",
                        Map.of("start", month.firstDay(), "end", month.endExclusive()));
    }

    /** Whether customers did anything in the month that the store knows of: the evidence engagement is scored on. */
    public boolean anyBehaviour() {
        return calls || responses || serviceCases || purchases;
    }

    /** Contacts to price for cost to serve: calls, or cases that came in some other way. */
    public boolean contacts() {
        return calls || serviceCases;
    }

    /**
     * The accepted batches that hold records of the month, for the run's lineage and data coverage: those with
     * a contact, answer, purchase or case dated in it, and every customer file (customers carry no month, and
     * every month is measured against the customer base), and files delivered since the month began whose every
     * row was quarantined. A file of 2015 complaints is not October 2026's.
     */
    public static List<Long> batchesOf(EntityManager entityManager, ReportingMonth month, ZoneId zone) {
        Map<String, Object> local = Map.of("start", month.startTime(), "end", month.endTime(),
                "accepted", BatchStatus.ACCEPTED);
        List<Long> ids = new ArrayList<>(entityManager.createQuery("select b.id from SourceBatch b"
                        + " where b.status = :accepted and b.kind = :customers", Long.class)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setParameter("customers", SourceKind.CUSTOMERS)
                .getResultList());
        // A file whose every row was quarantined holds no dated record; delivered once the month had begun, its
        // rows may be the month's, and the pack's quarantine must show them.
        ids.addAll(entityManager.createQuery("select b.id from SourceBatch b where b.status = :accepted"
                        + " and b.rowsAccepted = 0 and b.rowsQuarantined > 0 and b.receivedAt >= :start", Long.class)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setParameter("start", month.startTime().atZone(zone).toInstant())
                .getResultList());
        ids.addAll(new CallBatches(entityManager).startedBetween(month.startTime(), month.endTime()));
        ids.addAll(batchIds(entityManager, "SurveyResponse", "respondedAt", local));
        ids.addAll(batchIds(entityManager, "Purchase", "purchasedOn", Map.of("start", month.firstDay(),
                "end", month.endExclusive(), "accepted", BatchStatus.ACCEPTED)));
        ids.addAll(batchIds(entityManager, "ServiceCase", "openedAt", Map.of(
                "start", month.startTime().atZone(zone).toInstant(), "end", month.endTime().atZone(zone).toInstant(),
                "accepted", BatchStatus.ACCEPTED)));
        return ids.stream().distinct().sorted().toList();
    }

    /** Accepted batches of {@code entity} timed in [:start, :end) at {@code time}. */
    private static List<Long> batchIds(EntityManager entityManager, String entity, String time,
            Map<String, Object> parameters) {
        var query = entityManager.createQuery("select distinct r.batch.id from " + entity + " r where r.batch.status"
                + " = :accepted and r." + time + " >= :start and r." + time + " < :end", Long.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The month's start and end times, and the days its calls started on ({@link CallDays}). */
    private static Map<String, Object> callParameters(ReportingMonth month) {
        Map<String, Object> parameters = new HashMap<>(CallDays.between(month.startTime(), month.endTime())
                .parameters());
        parameters.put("start", month.startTime());
        parameters.put("end", month.endTime());
        return parameters;
    }

    private static boolean exists(EntityManager entityManager, String query, Map<String, Object> parameters) {
        var typed = entityManager.createQuery(query, Long.class).setMaxResults(1);
        parameters.forEach(typed::setParameter);
        return !typed.getResultList().isEmpty();
    }
}
