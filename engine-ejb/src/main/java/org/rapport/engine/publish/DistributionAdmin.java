package org.rapport.engine.publish;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The distribution list and the record of deliveries, for the API. */
@Stateless
public class DistributionAdmin {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    public List<String> recipients() {
        return list().addresses();
    }

    /** @throws IllegalArgumentException naming the address when it is not an e-mail address */
    public void add(String address, String who) {
        list().add(address, who);
    }

    public void remove(String address, String who) {
        list().remove(address, who);
    }

    public List<DistributionChange> history() {
        return list().history();
    }

    public List<DeliveryEntry> deliveries(long runId) {
        return entityManager.createQuery("select d from PackDelivery d where d.run.id = :run order by d.id",
                        PackDelivery.class)
                .setParameter("run", runId)
                .getResultStream()
                .map(d -> new DeliveryEntry(runId, d.getChannel().name(), d.getTarget(), d.getStatus().name(),
                        d.getAttempts(), d.getLastError(), d.getDeliveredAt()))
                .toList();
    }

    private DistributionList list() {
        return new DistributionList(entityManager, Clock.systemUTC());
    }
}
