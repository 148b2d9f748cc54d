package org.rapport.engine.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunStatus;

/**
 * The demo's team at work: once a month's pack is published, the sample's status changes for that month's action
 * points ({@link SampleStatusPlan}) are made through {@link Actions}, the service the API uses, so each is recorded
 * with who (the sample user), when, from what to what and why, like a change made on the screen. The next month's
 * pack then follows them up with a status.
 *
 * <p>Only the demo has such files: the samples' {@code action-status/} folder is copied into
 * {@value #FOLDER} of the data folder on a first start with {@code rapport.samples.dir} (the sample seeder), and
 * nowhere else; a real installation's folder does not exist and nothing happens. Each file is applied once, then
 * renamed {@code .applied}.
 */
@Stateless
public class SampleActionStatuses {

    /** In the data folder; only the sample seeder writes it. */
    public static final String FOLDER = "sample-action-status";

    private static final Logger LOG = Logger.getLogger(SampleActionStatuses.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @EJB
    private Actions actions;

    @Inject
    private RapportSettings settings;

    /** Applies the sample's plan for the month run {@code runId} published, if the demo has one. */
    public void afterPublished(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null || run.getStatus() != RunStatus.PUBLISHED) {
            // a re-run identical to the published pack publishes nothing: the plan waits for a published pack
            return;
        }
        Path file = settings.dataDir().resolve(FOLDER).resolve(run.getMonth() + ".json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            SampleStatusPlan plan = SampleStatusPlan.read(file);
            int made = new SampleTeam(entityManager, actions::change).apply(plan, runId);
            Files.move(file, file.resolveSibling(file.getFileName() + ".applied"), StandardCopyOption.REPLACE_EXISTING);
            LOG.info(() -> "Sample action statuses for " + plan.month() + " applied to run " + runId + ": " + made
                    + " of " + plan.changes().size() + " changes made by " + plan.by());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "Sample action statuses " + file + " not applied: " + e.getMessage());
        }
    }
}
