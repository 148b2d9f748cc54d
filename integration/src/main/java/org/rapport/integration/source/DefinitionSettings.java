package org.rapport.integration.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rapport.integration.FormatCatalog;

/**
 * The settings a source definition can have and which of them it must have, as the definition parser
 * itself reads them: an empty definition with one transport type is put through the real parser, which
 * notes every field it asks for. So a form built from this list cannot drift from what is checked when the
 * definition is saved. Fields that only some formats take ({@code companion}, a format's {@code options})
 * are described with the formats.
 */
public final class DefinitionSettings {

    private DefinitionSettings() {
    }

    /**
     * One setting.
     *
     * @param path     where it is written, e.g. {@code timeZone} or {@code transport.directory}
     * @param required whether a definition without it is refused
     */
    public record Setting(String path, boolean required) {
    }

    /** The transports a definition can name. */
    public static List<String> transportTypes() {
        return TransportParser.TYPES;
    }

    /**
     * The settings of a definition whose transport is {@code transportType}: the top-level ones and those
     * of the transport, required ones first, each group in the order the parser reads them.
     */
    public static List<Setting> of(String transportType, FormatCatalog catalog) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        probe.putObject("transport").put("type", transportType);
        DefinitionReader reader = new DefinitionReader("probe");
        // nowhere on disk: the probe names no folder, so nothing is looked up
        Path nowhere = Path.of("").toAbsolutePath().resolve(".rapport-definition-probe");
        new DefinitionParser(catalog, reader, nowhere, SourceBoundaries.closed(nowhere), nowhere.resolve("probe.json"))
                .parse(probe);
        Map<String, Boolean> read = new LinkedHashMap<>(reader.fieldsRead());
        List<Setting> settings = new ArrayList<>();
        read.forEach((path, required) -> {
            if (required) {
                settings.add(new Setting(path, true));
            }
        });
        read.forEach((path, required) -> {
            if (!required) {
                settings.add(new Setting(path, false));
            }
        });
        return List.copyOf(settings);
    }
}
