package org.rapport.integration.wiring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.rapport.engine.intake.Intake;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.filedrop.FileDropSettings;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.filedrop.IntakeFolders;
import org.rapport.integration.filedrop.IntakeRoutes;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;
import org.rapport.integration.source.SourceDirectory;
import org.rapport.integration.source.Transport;
import org.rapport.integration.transport.FetchRoutes;
import org.rapport.integration.transport.FetchStatus;
import org.rapport.integration.transport.SourceTransports;

/**
 * Keeps the running routes in step with the definitions of the sources directory, so that adding,
 * changing or removing a source needs neither code nor a redeploy. Each source gets its intake folder
 * {@code <intake>/<source>} and a file-drop route on it, read with the source's format; a fetched
 * source (SFTP, HTTP, JDBC) also gets the fetch route that lands files there, and a {@code file}
 * source that drops elsewhere a relay that moves its files there. A changed definition has its
 * routes replaced; a definition that stops being valid keeps nothing running, and its problems are
 * kept for the API. Thread-safe: {@link #reconcile()} is serialised.
 */
public final class ConfiguredSources {

    private static final Logger LOG = Logger.getLogger(ConfiguredSources.class.getName());

    private final CamelContext camel;
    private final SourceDirectory directory;
    private final FormatCatalog formats;
    private final CustomerDirectory customers;
    private final SourceTransports transports;
    private final FileDropSettings settings;
    private final Intake intake;
    /** Folder names the built-in intake uses; a source may not take them. */
    private final Set<String> reserved;

    private final Map<String, Running> running = new LinkedHashMap<>();
    private volatile List<DefinitionProblem> problems = List.of();
    private volatile List<SourceDefinition> defined = List.of();

    public ConfiguredSources(CamelContext camel, SourceDirectory directory, FormatCatalog formats,
            CustomerDirectory customers, SourceTransports transports, FileDropSettings settings, Intake intake,
            Set<String> reserved) {
        this.camel = camel;
        this.directory = directory;
        this.formats = formats;
        this.customers = customers;
        this.transports = transports;
        this.settings = settings;
        this.intake = intake;
        this.reserved = Set.copyOf(reserved);
    }

    /** Starts what is new, replaces what changed, stops what went; returns the problems found. */
    public synchronized List<DefinitionProblem> reconcile() {
        SourceDefinitions loaded = directory.load();
        defined = loaded.definitions();
        List<DefinitionProblem> found = new ArrayList<>(loaded.problems());
        Map<String, SourceDefinition> wanted = new LinkedHashMap<>();
        for (SourceDefinition definition : loaded.definitions()) {
            if (reserved.contains(definition.name())) {
                found.add(new DefinitionProblem(shown(definition), "name", "'" + definition.name()
                        + "' is the name of a built-in intake folder; choose another name"));
            } else {
                wanted.put(definition.name(), definition);
            }
        }
        for (String name : List.copyOf(running.keySet())) {
            Running current = running.get(name);
            if (!current.definition().equals(wanted.get(name))) {
                stop(name, current);
            }
        }
        for (SourceDefinition definition : wanted.values()) {
            if (!running.containsKey(definition.name())) {
                start(definition).ifPresent(problem -> found.add(problem));
            }
        }
        // each problem is logged when it appears, not again on every look
        found.stream().filter(problem -> !problems.contains(problem))
                .forEach(problem -> LOG.warning(() -> "Source definition not used: " + problem));
        problems = List.copyOf(found);
        return problems;
    }

    /** What is wrong with the definitions that are not running, as of the last reconcile. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The valid definitions of the directory, as of the last reconcile; running or not. */
    public List<SourceDefinition> defined() {
        return defined;
    }

    /** The sources running now, with their intake folders (for replays). */
    public synchronized List<IntakeFolder> folders() {
        return running.values().stream().map(Running::folder).toList();
    }

    /** How fetching a source is going, when it is fetched at all. */
    public synchronized Optional<FetchStatus.Snapshot> fetchStatus(String source) {
        Running current = running.get(source);
        return current == null || current.fetch() == null ? Optional.empty()
                : Optional.of(current.fetch().status().snapshot());
    }

    /** Whether the routes of {@code source} are running. */
    public synchronized boolean isRunning(String source) {
        return running.containsKey(source);
    }

    private Optional<DefinitionProblem> start(SourceDefinition definition) {
        String name = definition.name();
        Path inbox = settings.intakeDir().resolve(name);
        List<String> routeIds = new ArrayList<>();
        try {
            IntakeFormat format = formats.bind(definition, customers);
            IntakeFolder folder = new IntakeFolder(name, format);
            if (IntakeFolders.prepare(settings.intakeDir(), List.of(folder)).isEmpty()) {
                return Optional.of(new DefinitionProblem(shown(definition), null, "its intake folder " + inbox
                        + " cannot be created or written"));
            }
            camel.addRoutes(new IntakeRoutes(settings, List.of(folder), intake));
            routeIds.add(folder.routeId());
            FetchRoutes fetch = transports.fetchRoutes(definition, inbox).orElse(null);
            if (fetch != null) {
                camel.addRoutes(fetch);
                routeIds.add(fetch.routeId());
            }
            if (definition.transport() instanceof Transport.File file && !isInbox(file.directory(), inbox)) {
                camel.addRoutes(new FolderRelay(name, file.directory(), file.include(), inbox,
                        settings.pollInterval(), settings.readLockCheckInterval()));
                routeIds.add(FolderRelay.routeId(name));
            }
            running.put(name, new Running(definition, folder, fetch, routeIds));
            LOG.info(() -> "Source '" + name + "' (" + definition.kind() + ", " + definition.format() + " over "
                    + definition.transport().type() + ") is running: " + routeIds);
            return Optional.empty();
        } catch (DefinitionException e) {
            removeRoutes(routeIds);
            return Optional.of(new DefinitionProblem(shown(definition), e.field(), e.getMessage()));
        } catch (Exception e) {
            removeRoutes(routeIds);
            return Optional.of(new DefinitionProblem(shown(definition), null, "could not be started: " + e));
        }
    }

    /** Whether a file source's folder (a real path) is its intake folder itself, so needs no relay. */
    private static boolean isInbox(Path directory, Path inbox) {
        try {
            return directory.equals(inbox.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void stop(String name, Running current) {
        removeRoutes(current.routeIds());
        running.remove(name);
        LOG.info(() -> "Source '" + name + "' stopped; its intake folder and stored data stay");
    }

    private void removeRoutes(List<String> routeIds) {
        for (String routeId : routeIds) {
            try {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            } catch (Exception e) {
                LOG.warning(() -> "Route " + routeId + " could not be removed: " + e);
            }
        }
    }

    private String shown(SourceDefinition definition) {
        return directory.path().getFileName() + "/" + definition.file().getFileName();
    }

    private record Running(SourceDefinition definition, IntakeFolder folder, FetchRoutes fetch,
            List<String> routeIds) {
    }
}
