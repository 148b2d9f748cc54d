package org.rapport.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.snapshot.RunSnapshot;

/**
 * A month from stored facts to a published pack: start, measure and evaluate, snapshot, render,
 * publish. A run that fails at any step is marked failed and publishes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthlyRun {

    private static final Logger LOG = Logger.getLogger(MonthlyRun.class.getName());

    @EJB
    private RunService runs;

    @Inject
    private Instance<PackRenderer> renderer;

    @Inject
    private RapportSettings settings;

    /** Runs the month and returns the run's id, whether it published or failed. */
    public long run(YearMonth month) {
        long runId = runs.start(month);
        Path written = null;
        try {
            runs.measureAndEvaluate(runId);
            RunSnapshot snapshot = runs.snapshot(runId, settings.companyName());
            byte[] pdf = renderer.get().render(snapshot);
            String sha256 = PackFiles.sha256(pdf);
            written = PackFiles.write(settings.packsDir(), PackFiles.fileName(month, runId), pdf);
            runs.publish(runId, pdf, sha256, written.toString());
            LOG.info(() -> String.format("Board pack for %s (run %d) published: %s (sha256 %s)",
                    month, runId, settings.packsDir().resolve(PackFiles.fileName(month, runId)), sha256));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Run " + runId + " for " + month + " failed; nothing was published", e);
            deleteQuietly(written);
            runs.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return runId;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove unpublished pack " + file, e);
        }
    }
}
