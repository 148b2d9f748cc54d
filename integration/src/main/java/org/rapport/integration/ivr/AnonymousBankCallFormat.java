package org.rapport.integration.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.canonical.Lengths;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.mapping.FieldMap;
import org.rapport.integration.mapping.SeenReferences;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * The "Anonymous Bank" call-centre log ({@code anonymous-bank}, Technion): tab-separated with a
 * header, one row per call, the voice response unit (VRU), queue and service each with entry, exit
 * and seconds. The row already is the correlated call, so the derivation is about words:
 * <ul>
 * <li>The call is {@code vru+line}/{@code call_id}: call ids are counted per VRU line, and one day
 * of the real data repeats 7 of them on different lines.</li>
 * <li>It started at {@code date} (YYMMDD; two-digit years 50–99 are 1950–1999, the data's century)
 * plus {@code vru_entry}. IVR, queue and talk seconds are {@code vru_time}, {@code q_time} and
 * {@code ser_time} as the switch counted them; a negative one (exit logged before entry, 4 rows of
 * the real day) is quarantined rather than guessed.</li>
 * <li>{@code AGENT} is answered. {@code HANG} is abandoned in the queue when the call reached the
 * queue ({@code q_start} is not 0:00:00), else abandoned in the VRU. {@code PHANTOM} is a virtual
 * call the switch logs for itself, no customer's call: it is quarantined with that reason, so it is
 * visible and not counted.</li>
 * <li>A call wanted an agent when it queued or was served. {@code customer_id} 0 is an unidentified
 * caller, kept without customer.</li>
 * </ul>
 */
public final class AnonymousBankCallFormat implements IntakeFormat {

    public static final SourceFormat FORMAT = new SourceFormat("anonymous-bank", Set.of(SourceKind.CALLS),
            kind -> Set.of("customer_id"), Set.of(), false, AnonymousBankCallFormat::new);

    private static final List<String> COLUMNS = List.of("vru+line", "call_id", "customer_id", "date", "vru_entry",
            "vru_exit", "vru_time", "q_start", "q_exit", "q_time", "outcome", "ser_start", "ser_exit", "ser_time");
    private static final String NOT_QUEUED = "0:00:00";
    private static final String UNKNOWN_CUSTOMER = "0";
    /** YYMMDD H:mm:ss, with the two-digit year of the last century the data comes from. */
    private static final DateTimeFormatter STARTED = new DateTimeFormatterBuilder()
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
            .appendPattern("MMdd H:mm:ss")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final SourceDefinition definition;
    private final DelimitedReader reader;
    private final FieldConventions conventions;
    private final CustomerMatcher matcher;
    private final Map<String, FieldSource> sources = new LinkedHashMap<>();

    AnonymousBankCallFormat(SourceDefinition definition, CustomerDirectory directory) throws DefinitionException {
        this.definition = definition;
        this.reader = new DelimitedReader(definition.charset(), DelimitedLayout.withHeader('\t', 1));
        this.conventions = definition.conventions(Patterns.of("yyMMdd"),
                new Patterns("YYMMDD H:mm:ss", List.of(STARTED)));
        this.matcher = definition.customerMatcher(directory);
        COLUMNS.forEach(column -> sources.put(column, FieldSource.Columns.of(column)));
        sources.put("started_at", FieldSource.Columns.of("date", "vru_entry"));
        sources.put("customer_id", definition.field("customer_id", FieldSource.Columns.of("customer_id")));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CALLS;
    }

    @Override
    public String source() {
        return definition.name();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.read(fileName, content, new Calls(), sink).rejection();
    }

    /** The calls of one file. */
    private final class Calls implements RowSink {
        private final SeenReferences seen = new SeenReferences("call");
        private FieldMap fields;

        @Override
        public void header(Columns columns) throws BadFieldException {
            fields = FieldMap.resolve(sources, sources.keySet(), sources.keySet(), columns, matcher);
        }

        @Override
        public void row(DelimitedRow raw, BatchCollector out) throws BadFieldException {
            FieldRow row = fields.row(raw, conventions);
            String callRef = row.text("vru+line", Lengths.CODE) + "/" + row.text("call_id", Lengths.CODE);
            String outcome = row.text("outcome", Lengths.CODE).toUpperCase(Locale.ROOT);
            if (outcome.equals("PHANTOM")) {
                throw new BadFieldException("outcome", "'PHANTOM' is a virtual call the switch logs for itself, not a "
                        + "customer's call: not counted");
            }
            boolean queued = !NOT_QUEUED.equals(row.text("q_start", Lengths.CODE));
            CallOutcome ended = switch (outcome) {
                case "AGENT" -> CallOutcome.ANSWERED;
                case "HANG" -> queued ? CallOutcome.ABANDONED_IN_QUEUE : CallOutcome.ABANDONED_IN_IVR;
                default -> throw new BadFieldException("outcome", "'" + outcome + "' is not AGENT, HANG or PHANTOM");
            };
            LocalDateTime startedAt = row.dateTime("started_at");
            int ivr = seconds(row, "vru_time", "vru_entry", "vru_exit");
            int queue = seconds(row, "q_time", "q_start", "q_exit");
            int talk = seconds(row, "ser_time", "ser_start", "ser_exit");
            String customer = row.optionalText("customer_id", Lengths.REFERENCE);
            seen.note("call_id", callRef, raw.line());
            out.add(new CallRecord(raw.line(), callRef, UNKNOWN_CUSTOMER.equals(customer) ? null : customer, startedAt,
                    ivr, queue, talk, ended, ended == CallOutcome.ANSWERED || queued, 0, 0, null, "phone"));
        }

        /** The switch's own count, refused when negative: then its exit was logged before its entry. */
        private int seconds(FieldRow row, String field, String entry, String exit) throws BadFieldException {
            int seconds = row.wholeNumber(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (seconds < 0) {
                throw new BadFieldException(field, "'" + seconds + "' is negative: the exit ("
                        + row.text(exit, Lengths.CODE) + ") is logged before the entry (" + row.text(entry, Lengths.CODE)
                        + ")");
            }
            return seconds;
        }
    }
}
