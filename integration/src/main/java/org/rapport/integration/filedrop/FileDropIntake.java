package org.rapport.integration.filedrop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.rapport.engine.intake.Intake;
import org.rapport.integration.CamelContexts;

/**
 * The file-drop intake as a whole: prepares the intake folders, seeds the samples on a first start,
 * and runs the {@link IntakeRoutes} in a Camel context of its own. Close it to stop gracefully.
 */
public final class FileDropIntake implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileDropIntake.class.getName());

    private final CamelContext camel;
    private final IntakeReplay replay;

    private FileDropIntake(CamelContext camel, IntakeReplay replay) {
        this.camel = camel;
        this.replay = replay;
    }

    /**
     * Starts taking files from the folders that can be used; an unusable folder is logged and left
     * out, a missing samples folder is logged, and neither stops the others.
     */
    public static FileDropIntake start(FileDropSettings settings, Optional<Path> samplesDir,
            List<IntakeFolder> folders, Intake intake) throws Exception {
        List<IntakeFolder> usable = IntakeFolders.prepare(settings.intakeDir(), folders);
        SampleSeeder.seedIfFirstStart(samplesDir, settings.intakeDir(), usable);
        CamelContext camel = CamelContexts.start("rapport-intake", new IntakeRoutes(settings, usable, intake));
        LOG.info(() -> "Taking files from " + usable.stream().map(IntakeFolder::name).toList() + " under "
                + settings.intakeDir());
        return new FileDropIntake(camel, new IntakeReplay(settings.intakeDir(), usable, intake));
    }

    /** Replays of the batches these folders stored, with the folders' formats. */
    public IntakeReplay replay() {
        return replay;
    }

    /** The files that wait in their inbox for the infrastructure (every intake route of this context). */
    public WaitingFiles waitingFiles() {
        return WaitingFiles.of(camel);
    }

    /** The Camel context the routes run in. */
    public CamelContext camelContext() {
        return camel;
    }

    @Override
    public void close() {
        camel.shutdown();
    }
}
