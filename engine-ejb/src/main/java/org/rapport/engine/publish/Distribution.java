package org.rapport.engine.publish;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.rapport.engine.run.BoardPack;
import org.rapport.engine.run.PackFiles;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.SnapshotArchive;

/**
 * Delivers a published pack to the distribution list and to each drop target (a folder, an SFTP
 * folder), recording each delivery. Failed attempts that may succeed later stay PENDING for
 * {@link #retryPending}; none is dropped silently. Each delivery succeeds or fails alone: a drop
 * target that is down delays neither the e-mails nor the other targets. Not thread-safe: one
 * instance per transaction.
 */
public class Distribution {

    private static final Logger LOG = Logger.getLogger(Distribution.class.getName());
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final EntityManager entityManager;
    private final PackMailer mailer;
    private final DistributionSettings settings;
    private final List<PackDropTarget> dropTargets;
    private final Clock clock;

    /** @param dropTargets the configured drop targets, each receiving every pack */
    public Distribution(EntityManager entityManager, PackMailer mailer, DistributionSettings settings,
            List<PackDropTarget> dropTargets, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.settings = settings;
        this.dropTargets = List.copyOf(dropTargets);
        this.clock = clock;
    }

    /** Plans one delivery per recipient and drop target (once per run) and makes a first attempt at each. */
    public void distribute(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (deliveries(runId).isEmpty()) {
            if (run.getRevisesRunId() == null || settings.revisions() != RevisionPolicy.NONE) {
                new DistributionList(entityManager, clock).addresses().forEach(address ->
                        entityManager.persist(new PackDelivery(run, DeliveryChannel.EMAIL, address)));
            }
            dropTargets.forEach(drop -> entityManager.persist(new PackDelivery(run, drop.channel(), drop.target())));
            entityManager.flush();
        }
        retryPending(runId);
    }

    /** Tries every delivery of the run that is still pending; returns how many remain pending. */
    public long retryPending(long runId) {
        List<PackDelivery> pending = deliveries(runId).stream()
                .filter(delivery -> delivery.getStatus() == DeliveryStatus.PENDING).toList();
        if (pending.isEmpty()) {
            return 0;
        }
        BoardPack pack = entityManager.createQuery("select p from BoardPack p where p.run.id = :run", BoardPack.class)
                .setParameter("run", runId).getSingleResult();
        PackMessage message = message(pack);
        try (StagedPack staged = new StagedPack(message.fileName(), pack.getPdf())) {
            for (PackDelivery delivery : pending) {
                SendOutcome outcome = delivery.getChannel() == DeliveryChannel.EMAIL
                        ? mailer.send(delivery.getTarget(), message)
                        : drop(delivery, staged);
                if (outcome.sent()) {
                    delivery.sent(clock.instant());
                } else {
                    delivery.failed(outcome.error(), outcome.retryable(), settings.maximumAttempts());
                    if (delivery.getChannel() != DeliveryChannel.EMAIL) {
                        logFailedDrop(delivery);
                    }
                }
            }
        }
        return pending.stream().filter(delivery -> delivery.getStatus() == DeliveryStatus.PENDING).count();
    }

    public List<PackDelivery> deliveries(long runId) {
        return entityManager.createQuery("select d from PackDelivery d where d.run.id = :run order by d.id",
                        PackDelivery.class)
                .setParameter("run", runId).getResultList();
    }

    private SendOutcome drop(PackDelivery delivery, StagedPack staged) {
        Optional<PackDropTarget> target = dropTargets.stream()
                .filter(drop -> drop.channel() == delivery.getChannel() && drop.target().equals(delivery.getTarget()))
                .findFirst();
        if (target.isEmpty()) {
            // Configuration changed since the pack was planned: dropping it elsewhere would belie the record.
            return SendOutcome.rejected(delivery.getTarget() + " is no longer a configured drop target");
        }
        try {
            target.get().drop(staged.file());
            return SendOutcome.delivered();
        } catch (IOException | RuntimeException e) {
            // a missing credential may be configured before the next attempt, like a server coming back
            return SendOutcome.deferred(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Operators hear of drops that failed; failed e-mails are only recorded, as addresses name people. */
    private static void logFailedDrop(PackDelivery delivery) {
        LOG.warning(() -> String.format("Board pack of run %d not dropped on %s (attempt %d, %s): %s",
                delivery.getRun().getId(), delivery.getTarget(), delivery.getAttempts(),
                delivery.getStatus() == DeliveryStatus.PENDING ? "will retry" : "given up", delivery.getLastError()));
    }

    private PackMessage message(BoardPack pack) {
        Run run = pack.getRun();
        String month = run.getMonth().format(MONTH);
        String fileName = PackFiles.fileName(run.getMonth(), run.getId());
        String link = settings.publicUrl().replaceAll("/+$", "") + "/api/runs/" + run.getId() + "/pack";
        if (run.getRevisesRunId() != null) {
            return revision(pack, month, fileName, link);
        }
        String body = "The Rapport board pack for " + month + " is ready.\n\n"
                + (settings.attach() ? "It is attached (" + fileName + ").\n" : "Read it at " + link + "\n")
                + "SHA-256 of the PDF: " + pack.getSha256() + "\n";
        return new PackMessage("Rapport board pack — " + month, body, fileName,
                settings.attach() ? pack.getPdf() : null);
    }

    /** A revised month: what changed, and the pack itself only when the policy is to send it again. */
    private PackMessage revision(BoardPack pack, String month, String fileName, String link) {
        Run run = pack.getRun();
        boolean resend = settings.revisions() == RevisionPolicy.RESEND && settings.attach();
        List<String> changes = pack.getSnapshotJson() == null ? List.of()
                : Optional.ofNullable(SnapshotArchive.fromJson(pack.getSnapshotJson()).notice().revision())
                        .map(revision -> revision.changes()).orElse(List.of());
        StringBuilder body = new StringBuilder("The Rapport board pack for " + month + " has been revised: run "
                + run.getId() + " replaces run " + run.getRevisesRunId() + ".\n\nWhat changed:\n");
        changes.forEach(change -> body.append("- ").append(change).append('\n'));
        body.append('\n').append(resend ? "The revised pack is attached (" + fileName + ").\n"
                : "Read the revised pack at " + link + "\n");
        body.append("SHA-256 of the PDF: ").append(pack.getSha256()).append('\n');
        return new PackMessage("Revised: Rapport board pack — " + month, body.toString(), fileName,
                resend ? pack.getPdf() : null);
    }
}
