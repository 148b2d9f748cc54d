package org.rapport.engine.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.rapport.engine.run.BoardPack;
import org.rapport.engine.run.PackFiles;
import org.rapport.engine.run.Run;

/**
 * Delivers a published pack to the distribution list and the drop folder, recording each
 * delivery. Failed attempts that may succeed later stay PENDING for {@link #retryPending}; none is
 * dropped silently. Not thread-safe: one instance per transaction.
 */
public class Distribution {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final EntityManager entityManager;
    private final PackMailer mailer;
    private final DistributionSettings settings;
    private final Clock clock;

    public Distribution(EntityManager entityManager, PackMailer mailer, DistributionSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Plans one delivery per recipient and folder (once per run) and makes a first attempt at each. */
    public void distribute(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (deliveries(runId).isEmpty()) {
            new DistributionList(entityManager, clock).addresses().forEach(address ->
                    entityManager.persist(new PackDelivery(run, DeliveryChannel.EMAIL, address)));
            settings.folder().ifPresent(folder ->
                    entityManager.persist(new PackDelivery(run, DeliveryChannel.FOLDER, folder.toString())));
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
        for (PackDelivery delivery : pending) {
            SendOutcome outcome = delivery.getChannel() == DeliveryChannel.EMAIL
                    ? mailer.send(delivery.getTarget(), message)
                    : copyToFolder(Path.of(delivery.getTarget()), message.fileName(), pack.getPdf());
            if (outcome.sent()) {
                delivery.sent(clock.instant());
            } else {
                delivery.failed(outcome.error(), outcome.retryable(), settings.maximumAttempts());
            }
        }
        return pending.stream().filter(delivery -> delivery.getStatus() == DeliveryStatus.PENDING).count();
    }

    public List<PackDelivery> deliveries(long runId) {
        return entityManager.createQuery("select d from PackDelivery d where d.run.id = :run order by d.id",
                        PackDelivery.class)
                .setParameter("run", runId).getResultList();
    }

    private PackMessage message(BoardPack pack) {
        Run run = pack.getRun();
        String month = run.getMonth().format(MONTH);
        String fileName = PackFiles.fileName(run.getMonth(), run.getId());
        String link = settings.publicUrl().replaceAll("/+$", "") + "/api/runs/" + run.getId() + "/pack";
        String body = "The Rapport board pack for " + month + " is ready.\n\n"
                + (settings.attach() ? "It is attached (" + fileName + ").\n" : "Read it at " + link + "\n")
                + "SHA-256 of the PDF: " + pack.getSha256() + "\n";
        return new PackMessage("Rapport board pack — " + month, body, fileName,
                settings.attach() ? pack.getPdf() : null);
    }

    private static SendOutcome copyToFolder(Path folder, String fileName, byte[] pdf) {
        try {
            PackFiles.write(folder, fileName, pdf);
            return SendOutcome.delivered();
        } catch (RuntimeException e) {
            return SendOutcome.deferred("could not write to " + folder + ": " + e.getMessage());
        }
    }
}
