package org.rapport.integration.ivr;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.source.SourceFormat;

/**
 * The queue_log as a database table exported to CSV ({@code asterisk-queue-log-table}), in the
 * layout PBXware-style systems use: {@code date_time} (epoch), {@code callid}, {@code queue_name},
 * {@code type} (the agent), {@code event}, {@code param1}–{@code param3}, {@code entpos},
 * {@code expos}, {@code htime} (hold or wait seconds), {@code ttime} (talk seconds). Such systems
 * file the numbers in {@code htime} and {@code ttime} rather than in the params, and put the
 * caller's number of ENTERQUEUE in {@code param1} (Asterisk's own order, url first, puts it in
 * {@code param2}: whichever is filled is taken). ABANDON and EXIT… keep their wait in {@code htime}.
 * Outbound dials, agent log-ins and reloads are in the same table and are no queued call. How events
 * become a call: {@link QueueLogCallAssembler}.
 */
public final class AsteriskQueueLogTableFormat {

    private static final List<String> NEEDED = List.of("date_time", "callid", "queue_name", "event", "param1",
            "param2", "htime", "ttime");

    public static final SourceFormat FORMAT = new SourceFormat("asterisk-queue-log-table", Set.of(SourceKind.CALLS),
            kind -> Set.of(), QueueLogFormat.OPTIONS, false, (definition, directory) -> new QueueLogFormat(definition,
                    directory, DelimitedLayout.withHeader(',', 1), new TableEvents()));

    private AsteriskQueueLogTableFormat() {
    }

    /** Reads rows by column name. */
    private static final class TableEvents implements QueueLogFormat.EventReader {

        @Override
        public void header(Columns columns) throws BadFieldException {
            for (String column : NEEDED) {
                columns.index(column);
            }
        }

        @Override
        public QueueEvent event(DelimitedRow row) throws BadFieldException {
            String event = row.get("event").strip().toUpperCase(Locale.ROOT);
            String callerId = null;
            Integer hold = null;
            Integer talk = null;
            Integer wait = null;
            switch (event) {
                case "ENTERQUEUE" -> {
                    String param2 = QueueLogFormat.text(row.get("param2"));
                    callerId = param2 != null ? param2 : QueueLogFormat.text(row.get("param1"));
                }
                case "CONNECT" -> hold = QueueLogFormat.seconds(row.get("htime"), "htime");
                case "COMPLETEAGENT", "COMPLETECALLER", "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
                    hold = QueueLogFormat.seconds(row.get("htime"), "htime");
                    talk = QueueLogFormat.seconds(row.get("ttime"), "ttime");
                }
                case "ABANDON", "EXITWITHTIMEOUT", "EXITWITHKEY", "EXITEMPTY" ->
                        wait = QueueLogFormat.seconds(row.get("htime"), "htime");
                default -> {
                    // an event that tells nothing about a call's times
                }
            }
            return new QueueEvent(row.line(), row.text(), QueueLogFormat.epoch(row.get("date_time"), "date_time"),
                    row.get("callid").strip(), row.get("queue_name").strip(), event, callerId, hold, talk, wait);
        }
    }
}
