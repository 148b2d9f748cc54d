package org.rapport.integration.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code transport} object of a definition; each type has its own settings. */
final class TransportParser {

    private static final String PATH = "transport";
    private static final int DEFAULT_SFTP_PORT = 22;
    private static final int HIGHEST_PORT = 65_535;

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
        reader.onlyKnownKeys(node, PATH, Set.of("type", "host", "port", "username", "directory", "credential", "include"));
        String host = reader.text(node, PATH, "host", true);
        Integer port = port(node);
        String username = reader.text(node, PATH, "username", true);
        String directory = reader.text(node, PATH, "directory", false);
        String credential = reader.text(node, PATH, "credential", true);
        String include = glob(node);
        if (host == null || port == null || username == null || credential == null) {
            return null;
        }
        return new Transport.Sftp(host, port, username, directory == null ? "." : directory, credential, include);
    }

    private Transport http(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "url", "authHeader", "credential", "paging", "pageParam",
                "nextCursor", "items"));
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
        pointer(PATH + ".nextCursor", nextCursor);
        pointer(PATH + ".items", items);
        return url == null ? null : new Transport.Http(url, authHeader, credential, paging, pageParam, nextCursor, items);
    }

    private Transport jdbc(JsonNode node) {
        reader.onlyKnownKeys(node, PATH, Set.of("type", "dataSource", "query", "updatedAtColumn"));
        String dataSource = reader.text(node, PATH, "dataSource", true);
        String query = reader.text(node, PATH, "query", true);
        String updatedAt = reader.text(node, PATH, "updatedAtColumn", false);
        if (query != null && !query.toLowerCase(Locale.ROOT).startsWith("select")) {
            reader.problem(PATH + ".query", "must be a SELECT: a source is only ever read");
        } else if (query != null && updatedAt != null && !query.contains(":since")) {
            reader.problem(PATH + ".query", "must use the parameter :since, the last " + updatedAt
                    + " read, so that each run fetches only what changed");
        }
        return dataSource == null || query == null ? null : new Transport.Jdbc(dataSource, query, updatedAt);
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
}
