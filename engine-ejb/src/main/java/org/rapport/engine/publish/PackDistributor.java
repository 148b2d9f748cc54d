package org.rapport.engine.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Distribution inside the server: WildFly's mail session, settings from MicroProfile Config, and the
 * drop targets: the folder, if configured, and every configured {@link PackDropTarget} bean that
 * other modules of the application provide (the integration module's SFTP drop).
 */
@Stateless
public class PackDistributor {

    private static final Logger LOG = Logger.getLogger(PackDistributor.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session mailSession;

    @Inject
    @ConfigProperty(name = "rapport.distribution.attach", defaultValue = "true")
    boolean attach;

    @Inject
    @ConfigProperty(name = "rapport.public-url", defaultValue = "http://localhost:8080/rapport/")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "rapport.mail.from", defaultValue = "rapport@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "rapport.distribution.folder")
    Optional<String> folder;

    @Inject
    @ConfigProperty(name = "rapport.distribution.max-attempts", defaultValue = "5")
    int maximumAttempts;

    @Inject
    @ConfigProperty(name = "rapport.distribution.revisions", defaultValue = "notice")
    String revisions;

    @Inject
    @Any
    Instance<PackDropTarget> dropTargetBeans;

    /** First delivery of a published pack; returns how many deliveries wait for a retry. */
    public long distribute(long runId) {
        Distribution distribution = distribution();
        distribution.distribute(runId);
        return pendingOf(distribution, runId);
    }

    /** Another attempt at every pending delivery of every run; returns how many still wait. */
    public long retryAllPending() {
        Distribution distribution = distribution();
        return entityManager.createQuery(
                        "select distinct d.run.id from PackDelivery d where d.status = :pending", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .getResultList().stream()
                .mapToLong(distribution::retryPending)
                .sum();
    }

    /** Attempts made so far by the least-tried pending delivery: what the next back-off grows from. */
    public int fewestAttemptsPending() {
        Integer attempts = entityManager.createQuery(
                        "select min(d.attempts) from PackDelivery d where d.status = :pending", Integer.class)
                .setParameter("pending", DeliveryStatus.PENDING).getSingleResult();
        return attempts == null ? 0 : attempts;
    }

    private Distribution distribution() {
        DistributionSettings settings = new DistributionSettings(attach, publicUrl, from, maximumAttempts,
                RevisionPolicy.parse(revisions));
        return new Distribution(entityManager, new PackMailer(mailSession, from), settings, dropTargets(),
                Clock.systemUTC());
    }

    private List<PackDropTarget> dropTargets() {
        List<PackDropTarget> targets = new ArrayList<>();
        folder.filter(dir -> !dir.isBlank()).map(dir -> new FolderDrop(Path.of(dir))).ifPresent(targets::add);
        for (Instance.Handle<PackDropTarget> bean : dropTargetBeans.handles()) {
            try {
                PackDropTarget target = bean.get();
                if (target.configured()) {
                    targets.add(target);
                }
            } catch (RuntimeException e) {
                // a target that cannot even be set up must not keep the pack from the others
                LOG.warning(() -> "Pack drop target " + bean.getBean().getBeanClass().getName()
                        + " could not be set up and receives nothing: " + e);
            }
        }
        return targets;
    }

    private static long pendingOf(Distribution distribution, long runId) {
        return distribution.deliveries(runId).stream()
                .filter(delivery -> delivery.getStatus() == DeliveryStatus.PENDING).count();
    }
}
