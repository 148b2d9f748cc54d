package org.rapport.integration.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where an administrator lets source definitions reach; whoever writes a definition (by REST or
 * into the sources directory) stays inside, whoever they signed in as. Built from MicroProfile Config
 * when the server starts (a credential's hosts are looked up when a definition names it); every
 * definition is checked against it each time it is loaded. Immutable, thread-safe.
 *
 * @param fileRoots       folders a {@code file} source (and a companion) may read from, with what is below them
 * @param intakeDir       the intake area: inside it a {@code file} source may only use its own folder
 * @param knownHostsDirs  folders an SFTP source's {@code knownHosts} file may be read from
 * @param allowedHosts    host names and addresses an HTTP or SFTP source may connect to, lower case
 * @param connections     JNDI names of the data sources declared as source connections
 * @param credentialHosts per credential name, the hosts its secret may be sent to; empty: none
 * @param developmentMode whether an SFTP source may switch host-key checking off (a test server only)
 */
public record SourceBoundaries(List<Path> fileRoots, Path intakeDir, List<Path> knownHostsDirs, Set<String> allowedHosts,
        Set<String> connections, Function<String, Set<String>> credentialHosts, boolean developmentMode) {

    /** Folders file sources may read from; default: the data directory's intake area. */
    public static final String FILE_ROOTS = "rapport.sources.file-roots";
    /** Folders known_hosts files may be read from; default: the data directory's {@code ssh} folder. */
    public static final String KNOWN_HOSTS_DIRS = "rapport.sources.known-hosts-dirs";
    /** Hosts HTTP and SFTP sources may connect to; default: none. */
    public static final String ALLOWED_HOSTS = "rapport.sources.allowed-hosts";
    /** JNDI names of data sources JDBC sources may query; default: none. */
    public static final String CONNECTIONS = "rapport.sources.connections";
    /** Whether host-key checking may be switched off; default: false. */
    public static final String DEVELOPMENT_MODE = "rapport.sources.development-mode";
    /** {@code rapport.credential.<name>.hosts}: where the secret of credential {@code <name>} may go. */
    public static final String CREDENTIAL_PREFIX = "rapport.credential.";
    public static final String CREDENTIAL_HOSTS_SUFFIX = ".hosts";
    /**
     * Rapport's own data sources: its store, and the server's default one. Never a source connection,
     * even when listed: a query there could read Rapport's data or, through the database, its files.
     */
    public static final Set<String> OWN_DATA_SOURCES = Set.of("java:jboss/datasources/RapportDS",
            "java:/jboss/datasources/RapportDS", "java:comp/DefaultDataSource", "java:jboss/datasources/ExampleDS");

    public SourceBoundaries {
        fileRoots = fileRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        intakeDir = intakeDir.toAbsolutePath().normalize();
        knownHostsDirs = knownHostsDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
        allowedHosts = allowedHosts.stream().map(SourceBoundaries::hostKey).collect(Collectors.toUnmodifiableSet());
        connections = Set.copyOf(connections);
    }

    /** The boundaries of a fresh installation: file sources in the intake area, no host, no connection. */
    public static SourceBoundaries closed(Path dataDir) {
        Path intake = dataDir.resolve("intake");
        return new SourceBoundaries(List.of(intake), intake, List.of(dataDir.resolve("ssh")), Set.of(), Set.of(),
                name -> Set.of(), false);
    }

    /**
     * The boundaries an administrator configured.
     *
     * @param config a configuration property by name, e.g. MicroProfile Config's
     */
    public static SourceBoundaries fromConfig(Path dataDir, Function<String, Optional<String>> config) {
        Path intake = dataDir.resolve("intake");
        List<Path> roots = paths(config.apply(FILE_ROOTS)).orElse(List.of(intake));
        List<Path> knownHosts = paths(config.apply(KNOWN_HOSTS_DIRS)).orElse(List.of(dataDir.resolve("ssh")));
        Set<String> hosts = config.apply(ALLOWED_HOSTS).map(SourceBoundaries::list).orElse(Set.of());
        Set<String> connections = config.apply(CONNECTIONS).map(SourceBoundaries::list).orElse(Set.of());
        boolean development = config.apply(DEVELOPMENT_MODE).map(value -> Boolean.parseBoolean(value.strip()))
                .orElse(false);
        Function<String, Set<String>> credentialHosts = name -> config
                .apply(CREDENTIAL_PREFIX + name + CREDENTIAL_HOSTS_SUFFIX).map(SourceBoundaries::list)
                .orElse(Set.of());
        return new SourceBoundaries(roots, intake, knownHosts, hosts, connections, credentialHosts, development);
    }

    /** The same boundaries with other file roots. */
    public SourceBoundaries withFileRoots(Path... roots) {
        return new SourceBoundaries(List.of(roots), intakeDir, knownHostsDirs, allowedHosts, connections,
                credentialHosts, developmentMode);
    }

    /** The same boundaries with other folders for known_hosts files. */
    public SourceBoundaries withKnownHostsDirs(Path... dirs) {
        return new SourceBoundaries(fileRoots, intakeDir, List.of(dirs), allowedHosts, connections, credentialHosts,
                developmentMode);
    }

    /** The same boundaries with other allowed hosts. */
    public SourceBoundaries withAllowedHosts(String... hosts) {
        return new SourceBoundaries(fileRoots, intakeDir, knownHostsDirs, Set.of(hosts), connections,
                credentialHosts, developmentMode);
    }

    /** The same boundaries with other declared connections. */
    public SourceBoundaries withConnections(String... jndiNames) {
        return new SourceBoundaries(fileRoots, intakeDir, knownHostsDirs, allowedHosts, Set.of(jndiNames),
                credentialHosts, developmentMode);
    }

    /** The same boundaries with credentials bound to hosts: name to the hosts its secret may go to. */
    public SourceBoundaries withCredentialHosts(Map<String, Set<String>> hostsByCredential) {
        Map<String, Set<String>> copy = Map.copyOf(hostsByCredential);
        return new SourceBoundaries(fileRoots, intakeDir, knownHostsDirs, allowedHosts, connections,
                name -> copy.getOrDefault(name, Set.of()), developmentMode);
    }

    /** The same boundaries in or out of development mode. */
    public SourceBoundaries inDevelopmentMode(boolean development) {
        return new SourceBoundaries(fileRoots, intakeDir, knownHostsDirs, allowedHosts, connections, credentialHosts,
                development);
    }

    /** The configured root that holds {@code realPath} (a path with its links resolved), if any. */
    public Optional<Path> rootHolding(Path realPath) {
        return holding(fileRoots, realPath);
    }

    /**
     * Whether {@code path} (absolute, normalized, links not resolved) is written as a path inside a file
     * root: checked before anything is looked up on disk, so a refusal tells nothing of what is
     * outside. What counts is {@link #rootHolding} on the real path, after.
     */
    public boolean mayHoldFile(Path path) {
        return writtenInside(fileRoots, path);
    }

    /** As {@link #mayHoldFile}, for a known_hosts file. */
    public boolean mayHoldKnownHosts(Path path) {
        return writtenInside(knownHostsDirs, path);
    }

    private static boolean writtenInside(List<Path> folders, Path path) {
        return folders.stream().anyMatch(folder -> path.startsWith(folder)
                || realPath(folder).filter(path::startsWith).isPresent());
    }

    /** Whether {@code realPath} (a path with its links resolved) is in a folder for known_hosts files. */
    public boolean allowsKnownHosts(Path realPath) {
        return holding(knownHostsDirs, realPath).isPresent();
    }

    private static Optional<Path> holding(List<Path> folders, Path realPath) {
        for (Path root : folders) {
            Optional<Path> realRoot = realPath(root);
            if (realRoot.isPresent() && realPath.startsWith(realRoot.get())) {
                return realRoot;
            }
        }
        return Optional.empty();
    }

    /** Whether HTTP and SFTP sources may connect to {@code host}. */
    public boolean allowsHost(String host) {
        return allowedHosts.contains(hostKey(host));
    }

    /** Whether the secret of credential {@code name} may be sent to {@code host}. */
    public boolean bindsCredentialTo(String name, String host) {
        return credentialHosts.apply(name).stream().map(SourceBoundaries::hostKey).anyMatch(hostKey(host)::equals);
    }

    /** The hosts the secret of credential {@code name} may be sent to, as configured. */
    public Set<String> credentialHostsOf(String name) {
        return credentialHosts.apply(name);
    }

    /** Whether {@code jndiName} is a declared source connection that is not one of Rapport's own. */
    public boolean allowsConnection(String jndiName) {
        return connections.contains(jndiName) && !isOwnDataSource(jndiName);
    }

    public static boolean isOwnDataSource(String jndiName) {
        return OWN_DATA_SOURCES.contains(jndiName);
    }

    /** The property that binds credential {@code name} to hosts. */
    public static String credentialHostsProperty(String name) {
        return CREDENTIAL_PREFIX + name + CREDENTIAL_HOSTS_SUFFIX;
    }

    /** How a host is compared: lower case, without IPv6 brackets or a trailing dot. */
    static String hostKey(String host) {
        String key = host.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("[") && key.endsWith("]")) {
            key = key.substring(1, key.length() - 1);
        }
        return key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            // a root that does not exist holds nothing
            return Optional.empty();
        }
    }

    private static Optional<List<Path>> paths(Optional<String> value) {
        return value.map(SourceBoundaries::list).filter(list -> !list.isEmpty())
                .map(list -> list.stream().map(Path::of).toList());
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
