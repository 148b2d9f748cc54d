package org.rapport.integration.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.source.DefinitionSettings;
import org.rapport.integration.source.DefinitionSettings.Setting;
import org.rapport.integration.source.SourceFormat;

/**
 * What a source definition can say, for a form that helps write one: its settings (which are required),
 * each transport's settings, each kind's canonical fields (which a row cannot do without) and the formats
 * that deliver it, with the fields and options each format takes. Taken from the code that checks
 * definitions ({@link DefinitionSettings}, {@link KindMapping}, the {@link FormatCatalog}), never copied.
 *
 * @param settings   the top-level settings, required first
 * @param transports per transport type, its settings ({@code transport.…}), required first
 * @param kinds      per kind, its fields and formats
 * @param formats    per format, what it takes
 */
public record SourceGuide(List<Setting> settings, Map<String, List<Setting>> transports, List<KindGuide> kinds,
        List<FormatGuide> formats) {

    private static final String TRANSPORT = "transport.";

    /**
     * One kind of source.
     *
     * @param kind      as definitions write it, e.g. {@code survey-responses}
     * @param fields    its canonical fields, in the canonical CSV's order
     * @param required  the fields without which a row is quarantined or the file refused
     * @param reference the field that identifies a record, or null
     * @param formats   the formats that deliver it
     */
    public record KindGuide(String kind, List<String> fields, List<String> required, String reference,
            List<String> formats) {
    }

    /**
     * One format.
     *
     * @param id        as definitions write it
     * @param kinds     what it delivers
     * @param fields    per kind, the fields a definition may map; empty when the format maps its fields itself
     * @param options   the option keys it reads
     * @param companion whether each file comes with a companion file ({@code companion} is then required)
     */
    public record FormatGuide(String id, List<String> kinds, Map<String, List<String>> fields, List<String> options,
            boolean companion) {
    }

    /** The guide to the formats of {@code catalog}. */
    public static SourceGuide of(FormatCatalog catalog) {
        Map<String, List<Setting>> transports = new LinkedHashMap<>();
        List<Setting> settings = List.of();
        for (String type : DefinitionSettings.transportTypes()) {
            List<Setting> all = DefinitionSettings.of(type, catalog);
            transports.put(type, all.stream().filter(setting -> setting.path().startsWith(TRANSPORT)).toList());
            settings = all.stream().filter(setting -> !setting.path().startsWith(TRANSPORT)).toList();
        }
        List<FormatGuide> formats = new ArrayList<>();
        for (String id : catalog.ids()) {
            SourceFormat format = catalog.find(id).orElseThrow();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (SourceKind kind : SourceKind.values()) {
                if (format.kinds().contains(kind)) {
                    fields.put(label(kind), List.copyOf(format.fields().apply(kind)));
                }
            }
            formats.add(new FormatGuide(id, List.copyOf(fields.keySet()), fields, List.copyOf(new TreeSet<>(format.options())),
                    format.companion()));
        }
        List<KindGuide> kinds = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            KindMapping mapping = KindMapping.of(kind);
            List<String> delivering = formats.stream().filter(format -> format.kinds().contains(label(kind)))
                    .map(FormatGuide::id).toList();
            kinds.add(new KindGuide(label(kind), List.copyOf(mapping.known()),
                    mapping.known().stream().filter(mapping.required()::contains).toList(), mapping.reference(),
                    delivering));
        }
        return new SourceGuide(settings, transports, kinds, formats);
    }

    /** A kind as definitions write it: {@code SURVEY_RESPONSES} → {@code survey-responses}. */
    static String label(SourceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
