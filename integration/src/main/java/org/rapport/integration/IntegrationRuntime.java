package org.rapport.integration;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.customer.CustomerLookup;
import org.rapport.engine.engagement.CustomerActionExports;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.readiness.DeclaredCompleteness;
import org.rapport.engine.ruleset.RuleInbox;
import org.rapport.integration.crmexport.CrmExport;
import org.rapport.integration.crmexport.CrmExportSettings;
import org.rapport.integration.filedrop.FileDropIntake;
import org.rapport.integration.filedrop.FileDropSettings;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.filedrop.IntakeReplay;
import org.rapport.integration.filedrop.ReplayRefused;
import org.rapport.integration.filedrop.WaitingFiles;
import org.rapport.integration.mapping.SampleTrial;
import org.rapport.integration.mapping.SourceGuide;
import org.rapport.integration.rulesinbox.RulesInbox;
import org.rapport.integration.rulesinbox.RulesInboxSettings;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.EngineCustomerDirectory;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDirectory;
import org.rapport.integration.transport.DataSourceLookup;
import org.rapport.integration.transport.FetchSettings;
import org.rapport.integration.transport.FetchStatus;
import org.rapport.integration.transport.MicroProfileCredentials;
import org.rapport.integration.transport.SourceTransports;
import org.rapport.integration.wiring.ConfiguredSources;
import org.rapport.integration.wiring.SourcesWatch;

/**
 * Runs the integration inside the server: Camel 4 has no CDI integration, so this startup singleton
 * owns the Camel contexts, starting them with the application and stopping them gracefully before the
 * application goes. It runs the built-in intake folders, the sources of the sources directory (kept in
 * step with it, see {@link ConfiguredSources}), the rules inbox and the CRM export. Routes call the
 * engine through its EJB proxies, so each file is stored in a transaction of its own.
 */
@Singleton
@Startup
public class IntegrationRuntime {

    private static final Logger LOG = Logger.getLogger(IntegrationRuntime.class.getName());

    @EJB
    private Intake intake;

    @EJB
    private CustomerLookup customers;

    @EJB
    private RuleInbox ruleInbox;

    @EJB
    private CustomerActionExports actionExports;

    @Inject
    private RapportSettings settings;

    /** A folder laid out like the intake folder, copied into it on a first start. */
    @Inject
    @ConfigProperty(name = "rapport.samples.dir")
    private Optional<String> samplesDir;

    /** How often the sources directory is looked at for definitions edited by hand. */
    @Inject
    @ConfigProperty(name = "rapport.sources.scan-seconds", defaultValue = "10")
    private long scanSeconds;

    /**
     * How long a file the infrastructure failed (database away, disk full) waits in its inbox, tried again with
     * growing pauses, before the wait is reported; ISO-8601, e.g. PT1H. The file stays even then.
     */
    @Inject
    @ConfigProperty(name = "rapport.intake.outage.max-wait", defaultValue = "PT1H")
    private String outageMaxWait;

    /** The completeness rules the definitions declare, for the readiness of each month. */
    @Inject
    private DeclaredCompleteness readiness;

    private Path intakeDir;
    private FileDropIntake fileDrop;
    private SourceDirectory sources;
    private SampleTrial sampleTrial;
    private SourceGuide sourceGuide;
    private ConfiguredSources configured;
    private RulesInbox rulesInbox;
    private CrmExport crmExport;

    @PostConstruct
    void start() {
        FormatCatalog formats = FormatCatalog.standard();
        Function<String, Optional<String>> config = name -> ConfigProvider.getConfig().getOptionalValue(name,
                String.class);
        // read again on every look: a definition is judged by the boundaries in force when it is loaded
        SourceBoundaries boundaries = SourceBoundaries.fromConfig(settings.dataDir(), config);
        sources = new SourceDirectory(settings.dataDir().resolve("sources"), formats, boundaries);
        sampleTrial = new SampleTrial(formats, sources.path(), boundaries, new EngineCustomerDirectory(customers));
        sourceGuide = SourceGuide.of(formats);
        intakeDir = settings.dataDir().resolve("intake");
        LOG.info(() -> "Intake folders under " + intakeDir + ", source definitions in " + sources.path()
                + "; file sources under " + boundaries.fileRoots() + ", hosts allowed " + boundaries.allowedHosts()
                + ", source connections " + boundaries.connections());
        FileDropSettings fileDropSettings = FileDropSettings.standard(intakeDir, outageWait());
        try {
            fileDrop = FileDropIntake.start(fileDropSettings, samples(), IntakeFolder.canonical(), intake);
            configured = new ConfiguredSources(fileDrop.camelContext(), sources, formats,
                    new EngineCustomerDirectory(customers),
                    new SourceTransports(new MicroProfileCredentials(ConfigProvider.getConfig()),
                            DataSourceLookup.jndi(), boundaries, FetchSettings.standard()),
                    fileDropSettings, intake, builtInFolderNames());
            configured.reconcile();
            readiness.readFrom(() -> configured.defined().stream().filter(source -> source.readiness() != null)
                    .collect(java.util.stream.Collectors.toMap(SourceDefinition::name, SourceDefinition::readiness)));
            fileDrop.camelContext().addRoutes(new SourcesWatch(configured, Duration.ofSeconds(scanSeconds)));
        } catch (Exception e) {
            throw new IllegalStateException("The intake under " + intakeDir + " could not start", e);
        }
        try {
            rulesInbox = RulesInbox.start(RulesInboxSettings.fromConfig(settings.dataDir(), config), ruleInbox);
            crmExport = CrmExport.start(CrmExportSettings.fromConfig(settings.dataDir(), config), actionExports);
        } catch (Exception e) {
            throw new IllegalStateException("The rules inbox or the CRM export could not start", e);
        }
    }

    /** The files that wait in their inbox for the database or the disk, by source. */
    @Lock(LockType.READ)
    public List<WaitingFiles.Waiting> waitingFiles() {
        return fileDrop == null ? List.of() : fileDrop.waitingFiles().all();
    }

    /** The source definitions, one JSON file each, as the integration team edits them. */
    @Lock(LockType.READ)
    public SourceDirectory sources() {
        return sources;
    }

    /** Tries a definition on a sample file as the running sources would read it, storing nothing. */
    @Lock(LockType.READ)
    public SampleTrial sampleTrial() {
        return sampleTrial;
    }

    /** What a definition can say: settings, transports, kinds and their fields, formats. */
    @Lock(LockType.READ)
    public SourceGuide sourceGuide() {
        return sourceGuide;
    }

    /** Brings the running sources in line with the definitions now; returns what is wrong with the others. */
    @Lock(LockType.READ)
    public List<DefinitionProblem> reconcileSources() {
        return configured.reconcile();
    }

    /** The valid source definitions, as of the last look at the directory. */
    @Lock(LockType.READ)
    public List<SourceDefinition> definedSources() {
        return configured.defined();
    }

    /** What is wrong with the definitions that do not run, as of the last look. */
    @Lock(LockType.READ)
    public List<DefinitionProblem> sourceProblems() {
        return configured.problems();
    }

    @Lock(LockType.READ)
    public boolean isRunning(String source) {
        return configured.isRunning(source);
    }

    /** How fetching a source over SFTP, HTTP or JDBC is going; empty for dropped files. */
    @Lock(LockType.READ)
    public Optional<FetchStatus.Snapshot> fetchStatus(String source) {
        return configured.fetchStatus(source);
    }

    /**
     * A replay of a stored batch after its mapping was fixed, checked and ready to run (see {@link IntakeReplay}), with
     * the formats the built-in folders and the configured sources have now. Runs outside any transaction of the
     * caller's, as the replay it returns does: the intake stores it in transactions of its own. Its caller may run it
     * on a thread of its own.
     */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IntakeReplay.Prepared prepareReplay(long batchId) throws ReplayRefused, IOException {
        List<IntakeFolder> folders = new ArrayList<>(IntakeFolder.canonical());
        folders.addAll(configured.folders());
        return new IntakeReplay(intakeDir, folders, intake).prepare(batchId);
    }

    @PreDestroy
    void stop() {
        if (crmExport != null) {
            crmExport.close();
        }
        if (rulesInbox != null) {
            rulesInbox.close();
        }
        if (fileDrop != null) {
            fileDrop.close();
        }
    }

    private Duration outageWait() {
        try {
            return Duration.parse(outageMaxWait.strip());
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warning(() -> "rapport.intake.outage.max-wait '" + outageMaxWait + "' is not an ISO-8601 duration (e.g."
                    + " PT1H): waiting " + FileDropSettings.DEFAULT_OUTAGE_MAX_WAIT + " for the infrastructure");
            return FileDropSettings.DEFAULT_OUTAGE_MAX_WAIT;
        }
    }

    private static Set<String> builtInFolderNames() {
        return IntakeFolder.canonical().stream().map(IntakeFolder::name).collect(Collectors.toSet());
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
