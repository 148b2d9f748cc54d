package org.rapport.integration.source;

import java.util.Set;
import java.util.function.Function;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;

/**
 * A format a source definition can name, and how it is bound to a definition. Binding checks the
 * definition's options and mappings against what the format needs, so a bad definition is refused
 * when it is loaded, not on the first file.
 *
 * @param id        the name definitions use, e.g. {@code anonymous-bank}
 * @param kinds     what the format can deliver
 * @param fields    per kind, the fields a definition may map (canonical fields, plus any the format adds)
 * @param options   the option keys the format reads
 * @param companion whether each file comes with a companion file joined to it
 * @param binder    makes the format for a definition
 */
public record SourceFormat(String id, Set<SourceKind> kinds, Function<SourceKind, Set<String>> fields,
        Set<String> options, boolean companion, Binder binder) {

    /** Options every delimited-text format understands. */
    public static final Set<String> DATE_OPTIONS = Set.of("dateFormat", "dateTimeFormat");

    public SourceFormat {
        kinds = Set.copyOf(kinds);
        options = Set.copyOf(options);
    }

    /** Makes the format for one definition. */
    @FunctionalInterface
    public interface Binder {
        IntakeFormat bind(SourceDefinition definition, CustomerDirectory directory) throws DefinitionException;
    }
}
