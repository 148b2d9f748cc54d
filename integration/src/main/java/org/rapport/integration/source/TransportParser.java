package org.rapport.integration.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import org.rapport.integration.EndpointUri;

/** Reads the {@code transport} object of a definition; each type has its own settings. */
final class TransportParser {

    private static final String PATH = "transport";
    /** The transports a definition can name, as {@code transport.type} writes them. */
    static final List<String> TYPES = List.of("file", "sftp", "http", "jdbc");
    private static final int DEFAULT_SFTP_PORT = 22;
    private static final int HIGHEST_PORT = 65_535;
    private static final int MOST_PER_PAGE = 10_000;
    private static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);
    /** Before anything was read, {@code :since} is earlier than any row: the start of the epoch. */
    private static final String DEFAULT_INITIAL_SINCE = "1970-01-01T00:00:00";
    /** A host name or an IPv4 address, nothing a URI could read more into. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    /** A remote folder: no character an endpoint URI gives a meaning to ({@code ? & # %}). */
    private static final Pattern REMOTE_DIRECTORY = Pattern.compile("[A-Za-z0-9._~/@-]{1,1024}");
    /** A credential's name; no dot, so {@code rapport.credential.<name>.hosts} names its hosts unambiguously. */
    private static final Pattern CREDENTIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    /** Headers the HTTP client sets itself: a definition does not get to change them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "upgrade", "te", "trailer", "expect", "proxy-authorization", "cookie");

    private final DefinitionReader reader;
    /** Relative folders are taken from here: the sources directory. */
    private final Path baseDir;
    private final SourceBoundaries boundaries;
    /** The source's name, or null when it is wrong: its own intake folder is the one it may use there. */
    private final String sourceName;

    TransportParser(DefinitionReader reader, Path baseDir, SourceBoundaries boundaries, String sourceName) {
        this.reader = reader;
        this.baseDir = baseDir;
        this.boundaries = boundaries;
        this.sourceName = sourceName;
    }

    /** The transport, or null when it is missing or wrong (the problems are noted). */
    Transport parse(JsonNode root) {
        JsonNode node = reader.object(root, null, PATH, true);
        if (node == null) {
            return null;
        }
        String type = reader.text(node, PATH, "type", true);
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "file" -> file(node);
            case "sftp" -> sftp(node);
            case "http" -> http(node);
            case "jdbc" -> jdbc(node);
            default -> {
                reader.problem(PATH + ".type", "'" + type + "' is not a transport; use "
                        + String.join(", ", TYPES.subList(0, TYPES.size() - 1)) + " or " + TYPES.get(TYPES.size() - 1));
                yield null;
            }
        };
    }

    private Transport file(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "directory", "include"));
        Path directory = confinedDirectory(node, PATH, "directory", true);
        String include = glob(node);
        return directory == null ? null : new Transport.File(directory, include);
    }

    private Transport sftp(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "host", "port", "username", "directory", "credential", "include",
                "knownHosts", "hostKeyChecking", "timeout"));
        String host = host(node);
        Integer port = port(node);
        String username = reader.text(node, PATH, "username", true);
        String directory = remoteDirectory(node);
        String credential = credential(node, true, host);
        String include = glob(node);
        Path knownHosts = existingFile(node, "knownHosts");
        Transport.HostKeyChecking checking = hostKeyChecking(node);
        Duration timeout = duration(node, "timeout", DEFAULT_NETWORK_TIMEOUT);
        if (host == null || port == null || username == null || credential == null || checking == null
                || timeout == null) {
            return null;
        }
        return new Transport.Sftp(host, port, username, directory == null ? "." : directory, credential, include,
                knownHosts, checking, timeout);
    }

    private Transport http(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "url", "authHeader", "credential", "paging", "pageParam",
                "nextCursor", "items", "pageSize", "pageSizeParam", "firstPage", "timeout"));
        URI url = url(node);
        String authHeader = header(node);
        String credential = credential(node, authHeader != null, url == null ? null : url.getHost());
        String paging = reader.text(node, PATH, "paging", false);
        String pageParam = reader.text(node, PATH, "pageParam", paging != null);
        String nextCursor = reader.text(node, PATH, "nextCursor", "cursor".equals(paging));
        String items = reader.text(node, PATH, "items", false);
        if (paging != null && !paging.equals("cursor") && !paging.equals("page")) {
            reader.problem(PATH + ".paging", "'" + paging + "' is not a paging style; use cursor or page");
        }
        if (credential != null && authHeader == null) {
            reader.problem(PATH + ".authHeader", "is missing: name the header that carries the credential, "
                    + "e.g. Authorization");
        }
        pointer(PATH + ".nextCursor", nextCursor);
        pointer(PATH + ".items", items);
        Integer pageSize = number(node, "pageSize", 1, MOST_PER_PAGE);
        String pageSizeParam = reader.text(node, PATH, "pageSizeParam", false);
        Integer firstPage = number(node, "firstPage", 0, 1);
        onlyForPagePaging(paging, "pageSize", pageSize);
        onlyForPagePaging(paging, "pageSizeParam", pageSizeParam);
        onlyForPagePaging(paging, "firstPage", firstPage);
        if (pageSizeParam != null && pageSize == null) {
            reader.problem(PATH + ".pageSize", "is missing: pageSizeParam asks for pageSize records per page");
        }
        Duration timeout = duration(node, "timeout", DEFAULT_NETWORK_TIMEOUT);
        return url == null || timeout == null ? null : new Transport.Http(url, authHeader, credential, paging,
                pageParam, nextCursor, items, pageSize, pageSizeParam, firstPage == null ? 1 : firstPage, timeout);
    }

    private Transport jdbc(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "dataSource", "query", "updatedAtColumn", "initialSince",
                "timeout"));
        String dataSource = dataSource(node);
        String query = reader.text(node, PATH, "query", true);
        String updatedAt = reader.text(node, PATH, "updatedAtColumn", false);
        if (query != null && !readOnly(query)) {
            query = null;
        } else if (query != null && updatedAt != null && !query.contains(":since")) {
            reader.problem(PATH + ".query", "must use the parameter :since, the last " + updatedAt
                    + " read, so that each run fetches only what changed");
        } else if (query != null && updatedAt == null && query.contains(":since")) {
            reader.problem(PATH + ".updatedAtColumn", "is missing: the query uses :since, the largest value of "
                    + "this column read so far");
        }
        String initialSince = initialSince(node);
        Duration timeout = duration(node, "timeout", DEFAULT_QUERY_TIMEOUT);
        return dataSource == null || query == null || timeout == null ? null
                : new Transport.Jdbc(dataSource, query, updatedAt, initialSince, timeout);
    }

    /**
     * A folder that must exist inside one of the file roots, its links resolved; relative paths are taken
     * from the sources directory. Returned as its real path, so what runs is what was checked.
     */
    Path confinedDirectory(JsonNode node, String path, String key, boolean required) {
        String value = reader.text(node, path, key, required);
        if (value == null) {
            return null;
        }
        String field = DefinitionReader.join(path, key);
        try {
            if (climbsBack(Path.of(value))) {
                reader.problem(field, "'" + value + "' goes down into a folder and back up with '..': name the "
                        + "folder directly ('..' may only lead a path out of the sources directory)");
                return null;
            }
            Path directory = baseDir.resolve(value).toAbsolutePath().normalize();
            try {
                EndpointUri.folder(directory);
            } catch (IllegalArgumentException refused) {
                reader.problem(field, refused.getMessage());
                return null;
            }
            if (!boundaries.mayHoldFile(directory)) {
                reader.problem(field, outsideRoots(value, directory));
                return null;
            }
            if (!Files.exists(directory)) {
                reader.problem(field, "'" + value + "' does not exist (looked for " + directory + ")");
                return null;
            }
            if (!Files.isDirectory(directory)) {
                reader.problem(field, "'" + value + "' is a file, not a directory");
                return null;
            }
            Path real = directory.toRealPath();
            if (boundaries.rootHolding(real).isEmpty()) {
                reader.problem(field, outsideRoots(value, real));
                return null;
            }
            if (real.equals(realPath(baseDir))) {
                reader.problem(field, "'" + value + "' is the sources directory: definitions are not data");
                return null;
            }
            Path intake = realPath(boundaries.intakeDir());
            if (intake != null && real.startsWith(intake) && sourceName != null
                    && !real.equals(intake.resolve(sourceName))) {
                reader.problem(field, "'" + value + "' lies in the intake area, where a file source may only use its "
                        + "own folder " + intake.resolve(sourceName) + ", not the intake area itself or another "
                        + "source's intake folder");
                return null;
            }
            return real;
        } catch (InvalidPathException e) {
            reader.problem(field, "'" + value + "' is not a valid path: " + e.getReason());
            return null;
        } catch (IOException e) {
            reader.problem(field, "'" + value + "' cannot be resolved: " + e.getMessage());
            return null;
        }
    }

    private String outsideRoots(String value, Path path) {
        return "'" + value + "' (" + path + ") is outside the folders file sources may read, " + boundaries.fileRoots()
                + ": an administrator sets them in " + SourceBoundaries.FILE_ROOTS;
    }

    /** Whether a '..' follows a folder name: down and back up, the way out of a root. */
    private static boolean climbsBack(Path path) {
        boolean named = path.isAbsolute();
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                if (named) {
                    return true;
                }
            } else if (!segment.toString().equals(".")) {
                named = true;
            }
        }
        return false;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A glob over file names, in the syntax that runs it (the JDK's, see RemoteFileFilter): the name
     * only, so no folder separator.
     */
    private String glob(JsonNode node) {
        String include = reader.text(node, PATH, "include", false);
        if (include != null) {
            if (include.contains("/") || include.contains("\\")) {
                reader.problem(PATH + ".include", "'" + include + "' is not a glob over file names: it matches "
                        + "names in the folder only, without '/' or '\\'");
                return null;
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + include);
            } catch (PatternSyntaxException e) {
                reader.problem(PATH + ".include", "'" + include + "' is not a valid glob: " + e.getDescription());
                return null;
            }
        }
        return include;
    }

    private String host(JsonNode node) {
        String host = reader.text(node, PATH, "host", true);
        if (host == null) {
            return null;
        }
        if (!HOST.matcher(host).matches()) {
            reader.problem(PATH + ".host", "'" + host + "' is not a host name or address");
            return null;
        }
        return allowedHost(PATH + ".host", host) ? host : null;
    }

    /** Whether the allow-list holds the host; a problem on {@code field} when not. */
    private boolean allowedHost(String field, String host) {
        if (boundaries.allowsHost(host)) {
            return true;
        }
        reader.problem(field, "'" + host + "' is not an allowed host" + (boundaries.allowedHosts().isEmpty()
                ? ": no host is allowed yet; an administrator lists the hosts sources may reach in "
                : "; allowed are " + String.join(", ", new TreeSet<>(boundaries.allowedHosts())) + " (")
                + SourceBoundaries.ALLOWED_HOSTS + (boundaries.allowedHosts().isEmpty() ? "" : ")"));
        return false;
    }

    private String remoteDirectory(JsonNode node) {
        String directory = reader.text(node, PATH, "directory", false);
        if (directory != null && !REMOTE_DIRECTORY.matcher(directory).matches()) {
            reader.problem(PATH + ".directory", "'" + directory + "' is not a remote folder this transport takes: "
                    + "letters, digits and . _ ~ / @ -");
            return null;
        }
        return directory;
    }

    /**
     * The credential's name, checked to be bound to {@code host}: a secret goes only to the hosts an
     * administrator bound it to.
     */
    private String credential(JsonNode node, boolean required, String host) {
        String name = reader.text(node, PATH, "credential", required);
        if (name == null) {
            return null;
        }
        String field = PATH + ".credential";
        if (!CREDENTIAL.matcher(name).matches()) {
            reader.problem(field, "'" + name + "' is not a credential name: letters, digits, '_' and '-'");
            return null;
        }
        String property = SourceBoundaries.credentialHostsProperty(name);
        Set<String> bound = boundaries.credentialHostsOf(name);
        if (bound.isEmpty()) {
            reader.problem(field, "'" + name + "' is bound to no host: its secret goes nowhere until an administrator "
                    + "names the hosts it is for in " + property);
            return null;
        }
        if (host != null && !boundaries.bindsCredentialTo(name, host)) {
            reader.problem(field, "'" + name + "' may only be sent to " + String.join(", ", new TreeSet<>(
                    bound)) + " (" + property + "), not to " + host);
            return null;
        }
        return name;
    }

    private String header(JsonNode node) {
        String header = reader.text(node, PATH, "authHeader", false);
        if (header != null && (!HEADER.matcher(header).matches()
                || RESERVED_HEADERS.contains(header.toLowerCase(Locale.ROOT)))) {
            reader.problem(PATH + ".authHeader", "'" + header + "' is not a header that can carry a credential, "
                    + "e.g. Authorization or X-API-Key");
            return null;
        }
        return header;
    }

    private String dataSource(JsonNode node) {
        String name = reader.text(node, PATH, "dataSource", true);
        if (name == null) {
            return null;
        }
        if (SourceBoundaries.isOwnDataSource(name)) {
            reader.problem(PATH + ".dataSource", "'" + name + "' is Rapport's own data source: a source never "
                    + "queries it, whatever " + SourceBoundaries.CONNECTIONS + " says");
            return null;
        }
        if (!boundaries.allowsConnection(name)) {
            reader.problem(PATH + ".dataSource", "'" + name + "' is not declared as a source connection; an "
                    + "administrator declares the data sources sources may query in " + SourceBoundaries.CONNECTIONS);
            return null;
        }
        return name;
    }

    private boolean readOnly(String query) {
        try {
            ReadOnlyQuery.of(query);
            return true;
        } catch (DefinitionException e) {
            reader.problem(e.field(), e.getMessage());
            return false;
        }
    }

    private Integer port(JsonNode node) {
        String value = reader.text(node, PATH, "port", false);
        if (value == null) {
            return DEFAULT_SFTP_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= HIGHEST_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(PATH + ".port", "'" + value + "' is not a port number (1 to " + HIGHEST_PORT + ")");
        return null;
    }

    private URI url(JsonNode node) {
        String value = reader.text(node, PATH, "url", true);
        if (value == null) {
            return null;
        }
        try {
            URI url = new URI(value);
            if (("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null) {
                if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
                    reader.problem(PATH + ".url", "'" + value + "' carries a user or a fragment: name the host "
                            + "alone, and a credential for the login");
                    return null;
                }
                return allowedHost(PATH + ".url", url.getHost()) ? url : null;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        reader.problem(PATH + ".url", "'" + value + "' is not an http or https URL");
        return null;
    }

    private void pointer(String field, String pointer) {
        if (pointer != null && !pointer.startsWith("/")) {
            reader.problem(field, "'" + pointer + "' is not a JSON pointer; it starts with /, e.g. /data/items");
        }
    }

    /**
     * A known_hosts file: it must exist inside a folder the administrator keeps them in, links resolved;
     * relative paths are taken from the sources directory.
     */
    private Path existingFile(JsonNode node, String key) {
        String value = reader.text(node, PATH, key, false);
        if (value == null) {
            return null;
        }
        String field = PATH + "." + key;
        try {
            Path file = baseDir.resolve(value).toAbsolutePath().normalize();
            if (!boundaries.mayHoldKnownHosts(file)) {
                reader.problem(field, outsideKnownHostsDirs(value, file));
                return null;
            }
            if (!Files.isRegularFile(file)) {
                reader.problem(field, "'" + value + "' is not a file (looked for " + file + ")");
                return null;
            }
            Path real = file.toRealPath();
            if (!boundaries.allowsKnownHosts(real)) {
                reader.problem(field, outsideKnownHostsDirs(value, real));
                return null;
            }
            if (!Files.isReadable(file)) {
                reader.problem(field, "'" + value + "' cannot be read");
                return null;
            }
            return real;
        } catch (InvalidPathException e) {
            reader.problem(field, "'" + value + "' is not a valid path: " + e.getReason());
            return null;
        } catch (IOException e) {
            reader.problem(field, "'" + value + "' cannot be resolved: " + e.getMessage());
            return null;
        }
    }

    private String outsideKnownHostsDirs(String value, Path path) {
        return "'" + value + "' (" + path + ") is outside the folders known_hosts files are read from, "
                + boundaries.knownHostsDirs() + ": an administrator sets them in " + SourceBoundaries.KNOWN_HOSTS_DIRS;
    }

    private Transport.HostKeyChecking hostKeyChecking(JsonNode node) {
        String value = reader.text(node, PATH, "hostKeyChecking", false);
        if (value == null) {
            return Transport.HostKeyChecking.STRICT;
        }
        try {
            Transport.HostKeyChecking checking = Transport.HostKeyChecking.valueOf(value.toUpperCase(Locale.ROOT));
            if (checking == Transport.HostKeyChecking.OFF && !boundaries.developmentMode()) {
                reader.problem(PATH + ".hostKeyChecking", "'off' trusts any server, so it is only for a development "
                        + "installation (" + SourceBoundaries.DEVELOPMENT_MODE + "=true); put the server's key in "
                        + "knownHosts instead");
                return null;
            }
            return checking;
        } catch (IllegalArgumentException e) {
            reader.problem(PATH + ".hostKeyChecking", "'" + value + "' is not a host key policy; use strict (the "
                    + "server's key must be in knownHosts) or off (any server is trusted: tests only)");
            return null;
        }
    }

    /** An ISO-8601 duration such as {@code PT30S}; {@code defaultValue} when absent, null (noted) when wrong. */
    private Duration duration(JsonNode node, String key, Duration defaultValue) {
        String value = reader.text(node, PATH, key, false);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reader.problem(PATH + "." + key, "'" + value + "' is not a duration; write it as ISO-8601, e.g. PT30S");
        return null;
    }

    /** A whole number from {@code lowest} to {@code highest}, written as a number or as text; null when absent. */
    private Integer number(JsonNode node, String key, int lowest, int highest) {
        String value = reader.text(node, PATH, key, false);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= lowest && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(PATH + "." + key, "'" + value + "' is not a whole number from " + lowest + " to " + highest);
        return null;
    }

    private void onlyForPagePaging(String paging, String key, Object value) {
        if (value != null && !"page".equals(paging)) {
            reader.problem(PATH + "." + key, "is only for page paging (\"paging\": \"page\")");
        }
    }

    /** A number, an ISO date or an ISO date-time, so it can be bound with the column's type. */
    private String initialSince(JsonNode node) {
        String value = reader.text(node, PATH, "initialSince", false);
        if (value == null) {
            return DEFAULT_INITIAL_SINCE;
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        try {
            LocalDateTime.parse(value);
            return value;
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate.parse(value);
                return value;
            } catch (DateTimeParseException notADate) {
                reader.problem(PATH + ".initialSince", "'" + value + "' is neither a number, an ISO date "
                        + "(2020-01-31) nor an ISO date-time (2020-01-31T00:00:00)");
                return null;
            }
        }
    }
}
