package org.rapport.integration.ivr;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * Asterisk's {@code cdr_custom} Master.csv ({@code asterisk-cdr-custom}): rows written by a
 * template in {@code cdr_custom.conf}, so the columns are whatever the PBX's administrator chose.
 * By default they are those of the sample template Asterisk ships, 19 of them starting with
 * {@code clid}; a definition whose PBX uses another template lists its CDR variables in order in
 * the {@code columns} option ("clid,src,dst,…"). Legs correlate by {@code linkedid} when the
 * template has it, else by {@code uniqueid}. See {@link AsteriskLegs} and {@link CdrCall}.
 */
public final class AsteriskCdrCustomFormat {

    static final List<String> SAMPLE_TEMPLATE = List.of("clid", "src", "dst", "dcontext", "channel", "dstchannel",
            "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
            "accountcode", "uniqueid", "userfield", "sequence");
    /** Without these a row is no call leg. */
    private static final List<String> NEEDED = List.of("src", "channel", "dstchannel", "lastapp", "start", "end",
            "duration", "billsec", "disposition");

    public static final SourceFormat FORMAT = new SourceFormat("asterisk-cdr-custom", Set.of(SourceKind.CALLS),
            kind -> Set.of("customer_id"), options(), false,
            (definition, directory) -> new CdrFormat(definition, directory, layout(definition),
                    AsteriskCdrCsvFormat.TIMES, "src", AsteriskLegs::leg));

    private AsteriskCdrCustomFormat() {
    }

    static DelimitedLayout layout(SourceDefinition definition) throws DefinitionException {
        List<String> columns = columns(definition, SAMPLE_TEMPLATE, NEEDED);
        return DelimitedLayout.headerless(',', Map.of(columns.size(), columns));
    }

    /** The {@code columns} option as a list, checked for the columns a leg needs. */
    static List<String> columns(SourceDefinition definition, List<String> standard, List<String> needed)
            throws DefinitionException {
        if (definition.option("columns").isEmpty()) {
            return standard;
        }
        List<String> columns = Arrays.stream(definition.option("columns").get().split(","))
                .map(String::strip).toList();
        List<String> missing = needed.stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new DefinitionException("options.columns", "lacks " + String.join(", ", missing)
                    + ", without which a row is no call leg");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new DefinitionException("options.columns", "names a column twice");
        }
        return columns;
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(CdrFormat.OPTIONS);
        options.add("columns");
        return options;
    }
}
