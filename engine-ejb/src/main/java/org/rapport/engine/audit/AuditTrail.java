package org.rapport.engine.audit;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Records who changed what through the API, for the changes that keep no trail of their own. */
@Stateless
public class AuditTrail {

    private static final int SUBJECT = 200;
    private static final int DETAIL = 500;

    @PersistenceContext(unitName = "rapport")
    EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param who the signed-in user; required, a change is never recorded as nobody's
     */
    public void record(String who, AuditAction action, String subject, String detail) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("An audited change needs the user who made it");
        }
        entityManager.persist(new AuditEntry(clock.instant(), who, action, bounded(subject, SUBJECT), bounded(detail, DETAIL)));
    }

    /** The newest entries first. */
    public List<AuditEntry> recent(int limit) {
        return entityManager.createQuery("select e from AuditEntry e order by e.recordedAt desc, e.id desc", AuditEntry.class)
                .setMaxResults(limit).getResultList();
    }

    private static String bounded(String text, int length) {
        if (text == null) {
            return null;
        }
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
