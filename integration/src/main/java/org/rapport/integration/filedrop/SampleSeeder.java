package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.rapport.engine.action.SampleActionStatuses;

/**
 * On a first start, copies the sample files (a folder laid out like the intake folder) into the
 * intake folders so a new installation has data to show, and the samples' own source definitions
 * with their files ({@link SampleSources}). "First start" means no intake folder and
 * no {@value IntakeFolder#DONE} folder holds a file yet: the intake ledger would otherwise already
 * know them.
 */
final class SampleSeeder {

    private static final Logger LOG = Logger.getLogger(SampleSeeder.class.getName());

    /** The samples' folder of status changes the sample team makes to published action points. */
    static final String ACTION_STATUS = "action-status";

    private SampleSeeder() {
    }

    /** Copies the samples when this is a first start; runs before the routes start, so no route sees half a file. */
    static void seedIfFirstStart(Optional<Path> samplesDir, Path intakeDir, List<IntakeFolder> folders)
            throws IOException {
        if (samplesDir.isEmpty()) {
            return;
        }
        Path samples = samplesDir.get().toAbsolutePath().normalize();
        if (!Files.isDirectory(samples)) {
            LOG.warning(() -> "Sample folder " + samples + " (rapport.samples.dir) does not exist or is not a folder:"
                    + " no sample data seeded");
            return;
        }
        if (!firstStart(intakeDir, folders)) {
            LOG.info(() -> "Intake folders already hold files: sample data from " + samples + " not seeded again");
            return;
        }
        int copied = 0;
        for (IntakeFolder folder : folders) {
            copied += copy(samples.resolve(folder.name()), intakeDir.resolve(folder.name()));
        }
        // the sources directory lies beside the intake folder in the data folder (IntegrationRuntime)
        copied += SampleSources.copy(samples, intakeDir.resolveSibling(SampleSources.SOURCES), intakeDir);
        // the sample team's status changes for published action points: the demo's alone (SampleActionStatuses)
        if (Files.isDirectory(samples.resolve(ACTION_STATUS))) {
            copied += copy(samples.resolve(ACTION_STATUS),
                    Files.createDirectories(intakeDir.resolveSibling(SampleActionStatuses.FOLDER)));
        }
        int seeded = copied;
        LOG.info(() -> "Seeded " + seeded + " sample files from " + samples + " into " + intakeDir);
    }

    private static boolean firstStart(Path intakeDir, List<IntakeFolder> folders) throws IOException {
        for (IntakeFolder folder : folders) {
            Path dir = intakeDir.resolve(folder.name());
            if (!IntakeFolders.holdsNoFiles(dir) || !IntakeFolders.holdsNoFiles(dir.resolve(IntakeFolder.DONE))) {
                return false;
            }
        }
        return true;
    }

    /** Copies the visible files of {@code from}, if it is a folder, into {@code to}; returns how many. */
    static int copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int copied = 0;
        try (var entries = Files.list(from)) {
            for (Path sample : entries.sorted().toList()) {
                if (Files.isRegularFile(sample) && !IntakeFolders.isHidden(sample)) {
                    Files.copy(sample, to.resolve(sample.getFileName()));
                    copied++;
                }
            }
        }
        return copied;
    }
}
