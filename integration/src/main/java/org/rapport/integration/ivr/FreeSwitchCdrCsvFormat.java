package org.rapport.integration.ivr;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.canonical.Lengths;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * FreeSWITCH's {@code mod_cdr_csv} Master.csv ({@code freeswitch-cdr-csv}), by default its
 * "example" template of 15 columns (caller_id_name … write_codec); another template's variables
 * go in the {@code columns} option. Each row is one leg with its own {@code uuid}; an a-leg names
 * its b-leg in {@code bleg_uuid}, and the two are one call.
 *
 * <p>Files that went through a spreadsheet come back with dates like {@code 2020/2/10 22:41}: the
 * seconds are gone. So a leg's times are built from its start and its {@code duration} and
 * {@code billsec}, which FreeSWITCH counts in whole seconds and no spreadsheet touches: the end is
 * start + duration, the answer is end − billsec. A leg rings a person when it was bridged to a
 * b-leg or its destination matches the {@code agentDestinations} option (a regular expression for
 * extensions and queues); FreeSWITCH answers its own IVR calls, so a leg to anything else that was
 * answered ended in self-service, and one never answered was abandoned in the IVR. Repeated rows
 * for one {@code uuid} — spreadsheets duplicate rows too — are quarantined. See {@link CdrCall}.
 */
public final class FreeSwitchCdrCsvFormat {

    static final List<String> EXAMPLE_TEMPLATE = List.of("caller_id_name", "caller_id_number", "destination_number",
            "context", "start_stamp", "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid",
            "bleg_uuid", "accountcode", "read_codec", "write_codec");
    private static final List<String> NEEDED = List.of("caller_id_number", "destination_number", "start_stamp",
            "duration", "billsec", "uuid");
    static final Patterns TIMES = Patterns.of(List.of("yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"));

    public static final SourceFormat FORMAT = new SourceFormat("freeswitch-cdr-csv", Set.of(SourceKind.CALLS),
            kind -> Set.of("customer_id"), options(), false, (definition, directory) -> new CdrFormat(definition,
                    directory, layout(definition), TIMES, "caller_id_number", new Legs(agents(definition))::leg));

    private FreeSwitchCdrCsvFormat() {
    }

    static DelimitedLayout layout(SourceDefinition definition) throws DefinitionException {
        List<String> columns = AsteriskCdrCustomFormat.columns(definition, EXAMPLE_TEMPLATE, NEEDED);
        return DelimitedLayout.headerless(',', Map.of(columns.size(), columns));
    }

    private static Pattern agents(SourceDefinition definition) throws DefinitionException {
        String regex = definition.option("agentDestinations").orElse(null);
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new DefinitionException("options.agentDestinations", "'" + regex + "' is not a regular expression: "
                    + e.getDescription());
        }
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(CdrFormat.OPTIONS);
        options.addAll(Set.of("columns", "agentDestinations"));
        return options;
    }

    /** Reads a row as a leg. */
    private record Legs(Pattern agents) {

        CallLeg leg(FieldRow row, DelimitedRow raw) throws BadFieldException {
            LocalDateTime start = row.dateTime("start_stamp");
            int duration = row.wholeNumber("duration", 0, Integer.MAX_VALUE);
            int billsec = row.wholeNumber("billsec", 0, Integer.MAX_VALUE);
            if (billsec > duration) {
                throw new BadFieldException("billsec", "'" + billsec + "' is more than the duration '" + duration
                        + "': a leg cannot talk longer than it lasts");
            }
            LocalDateTime end = start.plusSeconds(duration);
            boolean answered = billsec > 0;
            String uuid = row.text("uuid", Lengths.REFERENCE);
            String bLeg = raw.columns().has("bleg_uuid") ? row.optionalText("bleg_uuid", Lengths.REFERENCE) : null;
            String destination = row.optionalText("destination_number", Lengths.REFERENCE);
            boolean ringsAgent = bLeg != null || (agents != null && destination != null
                    && agents.matcher(destination).matches());
            return new CallLeg(raw.line(), raw::text, uuid, "uuid", uuid, bLeg,
                    row.optionalText("customer_id", Lengths.REFERENCE), false, start,
                    answered ? end.minusSeconds(billsec) : null, end, ringsAgent, ringsAgent && answered, destination,
                    answered);
        }
    }
}
