package org.rapport.integration.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps a JDBC source's watermark in {@code .state/jdbc-watermark.json} in its landing folder, so it
 * survives restarts. Written to a temporary file and renamed, so a crash leaves the old watermark or
 * the new one, never half of one.
 */
final class WatermarkStore {

    private static final Logger LOG = Logger.getLogger(WatermarkStore.class.getName());
    static final String FILE = "jdbc-watermark.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String column;

    /** @param column the column the watermark is of; one stored for another column is not used */
    WatermarkStore(Path stateDir, String column) {
        this.file = stateDir.resolve(FILE);
        this.column = column;
    }

    /** The stored watermark, or empty before the first fetch that landed rows. */
    Optional<Watermark> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode stored = JSON.readTree(file.toFile());
        if (!column.equalsIgnoreCase(stored.path("column").asText())) {
            LOG.info(() -> "The watermark in " + file + " is of column '" + stored.path("column").asText()
                    + "', the definition now reads '" + column + "': starting again from transport.initialSince");
            return Optional.empty();
        }
        return Optional.of(Watermark.restore(Watermark.Kind.valueOf(stored.path("kind").asText()),
                stored.path("value").asText()));
    }

    void save(Watermark watermark) throws IOException {
        ObjectNode stored = JSON.createObjectNode();
        stored.put("column", column).put("kind", watermark.kind().name()).put("value", watermark.text());
        Path unfinished = file.resolveSibling("." + FILE + ".new");
        Files.createDirectories(file.getParent());
        Files.write(unfinished, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        Files.move(unfinished, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
