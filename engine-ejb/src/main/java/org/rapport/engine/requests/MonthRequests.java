package org.rapport.engine.requests;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.rules.facts.RequestSource;
import org.rapport.rules.facts.RequestText;

/**
 * The words of a month's survey comments and service cases (complaints, requests and enquiries), read
 * page by page in id order: only the text is selected, never who wrote it, and no page outlives the
 * consumer it is handed to. Compliments praise what is there and call-backs are our own notes, so
 * neither is read. Not thread-safe: one per step.
 */
public class MonthRequests {

    /** Texts per page: a rule session's worth that keeps well under a few megabytes of text. */
    public static final int PAGE_SIZE = 2_000;

    private static final List<ServiceCaseKind> ASKING = List.of(ServiceCaseKind.COMPLAINT, ServiceCaseKind.REQUEST,
            ServiceCaseKind.ENQUIRY);

    private final EntityManager entityManager;
    private final ZoneId zone;
    private final int pageSize;

    public MonthRequests(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC, PAGE_SIZE);
    }

    /** Texts whose service-case instants are cut into months in {@code zone}, {@code pageSize} at a time. */
    public MonthRequests(EntityManager entityManager, ZoneId zone, int pageSize) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one text, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * Hands every non-blank comment of the month's survey responses, then every non-blank text of its
     * service cases, to {@code page} in pages; the consumer may clear the persistence context between them.
     *
     * @return how many texts were read
     */
    public long forEachPage(ReportingMonth month, Consumer<List<RequestText>> page) {
        long read = pages(RequestSource.SURVEY_COMMENT, """
                select r.id, r.comment from SurveyResponse r
                where r.id > :after and r.comment is not null and length(trim(r.comment)) > 0
                  and r.respondedAt >= :start and r.respondedAt < :end
                order by r.id""", month.startTime(), month.endTime(), page);
        read += pages(RequestSource.SERVICE_CASE, """
                select s.id, s.text from ServiceCase s
                where s.id > :after and s.text is not null and length(trim(s.text)) > 0 and s.kind in :asking
                  and s.openedAt >= :start and s.openedAt < :end
                order by s.id""", month.startTime().atZone(zone).toInstant(),
                month.endTime().atZone(zone).toInstant(), page);
        return read;
    }

    private long pages(RequestSource source, String query, Object start, Object end,
            Consumer<List<RequestText>> page) {
        long read = 0;
        long after = 0;
        while (true) {
            var select = entityManager.createQuery(query, Object[].class)
                    .setParameter("after", after)
                    .setParameter("start", start)
                    .setParameter("end", end)
                    .setMaxResults(pageSize);
            if (source == RequestSource.SERVICE_CASE) {
                select.setParameter("asking", ASKING);
            }
            List<Object[]> rows = select.getResultList();
            if (rows.isEmpty()) {
                return read;
            }
            List<RequestText> texts = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                texts.add(new RequestText(source, (String) row[1]));
            }
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            read += texts.size();
            page.accept(texts);
            if (rows.size() < pageSize) {
                return read;
            }
        }
    }
}
