package org.rapport.integration;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.integration.filedrop.FileDropIntake;
import org.rapport.integration.filedrop.FileDropSettings;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.source.SourceDirectory;
import org.rapport.integration.filedrop.IntakeReplay;
import org.rapport.integration.filedrop.ReplayRefused;

/**
 * Runs the integration inside the server: Camel 4 has no CDI integration, so this startup singleton
 * owns the Camel context, starting it with the application and stopping it gracefully before the
 * application goes. Routes call {@link Intake} through its EJB proxy, so each file is stored in a
 * transaction of its own.
 */
@Singleton
@Startup
public class IntegrationRuntime {

    private static final Logger LOG = Logger.getLogger(IntegrationRuntime.class.getName());

    @EJB
    private Intake intake;

    @Inject
    private RapportSettings settings;

    /** A folder laid out like the intake folder, copied into it on a first start. */
    @Inject
    @ConfigProperty(name = "rapport.samples.dir")
    private Optional<String> samplesDir;

    private FileDropIntake fileDrop;
    private SourceDirectory sources;

    @PostConstruct
    void start() {
        sources = new SourceDirectory(settings.dataDir().resolve("sources"), FormatCatalog.standard());
        Path intakeDir = settings.dataDir().resolve("intake");
        LOG.info(() -> "Intake folders under " + intakeDir);
        try {
            fileDrop = FileDropIntake.start(FileDropSettings.standard(intakeDir), samples(), IntakeFolder.canonical(),
                    intake);
        } catch (Exception e) {
            throw new IllegalStateException("The file-drop intake under " + intakeDir + " could not start", e);
        }
    }

    /** The source definitions, one JSON file each, as the integration team edits them. */
    @Lock(LockType.READ)
    public SourceDirectory sources() {
        return sources;
    }

    /**
     * Replays a stored batch of the file drop after its mapping was fixed (see {@link IntakeReplay}). Runs
     * outside any transaction of the caller's: the intake stores the replay in one of its own.
     */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IntakeReceipt replay(long batchId) throws ReplayRefused, IOException {
        if (fileDrop == null) {
            throw new IllegalStateException("The file-drop intake is not running");
        }
        return fileDrop.replay().replay(batchId);
    }

    @PreDestroy
    void stop() {
        if (fileDrop != null) {
            fileDrop.close();
        }
    }

    private Optional<Path> samples() {
        Optional<String> configured = samplesDir.filter(dir -> !dir.isBlank());
        try {
            return configured.map(Path::of);
        } catch (InvalidPathException e) {
            LOG.warning(() -> "rapport.samples.dir '" + configured.get()
                    + "' is not a valid path: no sample data seeded");
            return Optional.empty();
        }
    }
}
