package org.rapport.integration.source;

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
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code transport} object of a definition; each type has its own settings. */
final class TransportParser {

    private static final String PATH = "transport";
    private static final int DEFAULT_SFTP_PORT = 22;
    private static final int HIGHEST_PORT = 65_535;
    private static final int MOST_PER_PAGE = 10_000;
    private static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);
    /** Before anything was read, {@code :since} is earlier than any row: the start of the epoch. */
    private static final String DEFAULT_INITIAL_SINCE = "1970-01-01T00:00:00";

    private final DefinitionReader reader;
    /** Relative folders are taken from here: the sources directory. */
    private final Path baseDir;

    TransportParser(DefinitionReader reader, Path baseDir) {
        this.reader = reader;
        this.baseDir = baseDir;
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
                reader.problem(PATH + ".type", "'" + type + "' is not a transport; use file, sftp, http or jdbc");
                yield null;
            }
        };
    }

    private Transport file(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "directory", "include"));
        Path directory = existingDirectory(node, PATH, "directory", true);
        String include = glob(node);
        return directory == null ? null : new Transport.File(directory, include);
    }

    private Transport sftp(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "host", "port", "username", "directory", "credential", "include",
                "knownHosts", "hostKeyChecking", "timeout"));
        String host = reader.text(node, PATH, "host", true);
        Integer port = port(node);
        String username = reader.text(node, PATH, "username", true);
        String directory = reader.text(node, PATH, "directory", false);
        String credential = reader.text(node, PATH, "credential", true);
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
        String authHeader = reader.text(node, PATH, "authHeader", false);
        String credential = reader.text(node, PATH, "credential", authHeader != null);
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
        String dataSource = reader.text(node, PATH, "dataSource", true);
        String query = reader.text(node, PATH, "query", true);
        String updatedAt = reader.text(node, PATH, "updatedAtColumn", false);
        if (query != null && !query.toLowerCase(Locale.ROOT).startsWith("select")) {
            reader.problem(PATH + ".query", "must be a SELECT: a source is only ever read");
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

    /** A folder that must exist; relative paths are taken from the sources directory. */
    Path existingDirectory(JsonNode node, String path, String key, boolean required) {
        String value = reader.text(node, path, key, required);
        if (value == null) {
            return null;
        }
        String field = DefinitionReader.join(path, key);
        try {
            Path directory = baseDir.resolve(value).normalize();
            if (!Files.exists(directory)) {
                reader.problem(field, "'" + value + "' does not exist (looked for " + directory + ")");
                return null;
            }
            if (!Files.isDirectory(directory)) {
                reader.problem(field, "'" + value + "' is a file, not a directory");
                return null;
            }
            return directory;
        } catch (InvalidPathException e) {
            reader.problem(field, "'" + value + "' is not a valid path: " + e.getReason());
            return null;
        }
    }

    private String glob(JsonNode node) {
        String include = reader.text(node, PATH, "include", false);
        if (include != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + include);
            } catch (PatternSyntaxException e) {
                reader.problem(PATH + ".include", "'" + include + "' is not a valid glob: " + e.getDescription());
                return null;
            }
        }
        return include;
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
                return url;
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

    /** A file that must exist, e.g. a known_hosts file; relative paths are taken from the sources directory. */
    private Path existingFile(JsonNode node, String key) {
        String value = reader.text(node, PATH, key, false);
        if (value == null) {
            return null;
        }
        String field = PATH + "." + key;
        try {
            Path file = baseDir.resolve(value).normalize();
            if (!Files.isRegularFile(file)) {
                reader.problem(field, "'" + value + "' is not a file (looked for " + file + ")");
                return null;
            }
            if (!Files.isReadable(file)) {
                reader.problem(field, "'" + value + "' cannot be read");
                return null;
            }
            return file;
        } catch (InvalidPathException e) {
            reader.problem(field, "'" + value + "' is not a valid path: " + e.getReason());
            return null;
        }
    }

    private Transport.HostKeyChecking hostKeyChecking(JsonNode node) {
        String value = reader.text(node, PATH, "hostKeyChecking", false);
        if (value == null) {
            return Transport.HostKeyChecking.STRICT;
        }
        try {
            return Transport.HostKeyChecking.valueOf(value.toUpperCase(Locale.ROOT));
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
