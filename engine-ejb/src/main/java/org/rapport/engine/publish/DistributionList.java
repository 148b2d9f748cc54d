package org.rapport.engine.publish;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;

/** The people who receive the board pack; every change is audited with who made it and when. */
public class DistributionList {

    private final EntityManager entityManager;
    private final Clock clock;

    public DistributionList(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public List<String> addresses() {
        return entityManager.createQuery("select r.address from Recipient r order by r.address", String.class)
                .getResultList();
    }

    /** Adds an address; one that is not an e-mail address is refused with the reason. */
    public void add(String address, String who) {
        String normalised = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        try {
            new InternetAddress(normalised, true).validate();
        } catch (AddressException e) {
            throw new InvalidRecipientException("'" + address + "' is not a valid e-mail address: " + e.getMessage(), e);
        }
        if (addresses().contains(normalised)) {
            return;
        }
        entityManager.persist(new Recipient(normalised, who, clock.instant()));
        entityManager.persist(new DistributionChange(clock.instant(), who, "ADDED", normalised));
    }

    public void remove(String address, String who) {
        String normalised = address.strip().toLowerCase(Locale.ROOT);
        int removed = entityManager.createQuery("delete from Recipient r where r.address = :address")
                .setParameter("address", normalised).executeUpdate();
        if (removed > 0) {
            entityManager.persist(new DistributionChange(clock.instant(), who, "REMOVED", normalised));
        }
    }

    public List<DistributionChange> history() {
        return entityManager.createQuery("select c from DistributionChange c order by c.id", DistributionChange.class)
                .getResultList();
    }
}
