package org.rapport.integration.ivr;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.source.SourceFormat;

/**
 * Asterisk's own queue_log file ({@code asterisk-queue-log}): one event per line,
 * {@code epoch|callid|queue|agent|EVENT|data1|data2|…}, unquoted (a quote in a caller's name is
 * data), as many data fields as the event has. Where each event keeps what a call needs:
 * ENTERQUEUE(url|callerid|position), CONNECT(holdtime|bridged uniqueid|ringtime),
 * COMPLETEAGENT/COMPLETECALLER(holdtime|calltime|origposition), ABANDON, EXITWITHTIMEOUT and
 * EXITEMPTY(position|origposition|waittime), EXITWITHKEY(key|position|origposition|waittime),
 * TRANSFER and BLINDTRANSFER(extension|context|holdtime|calltime|origposition),
 * ATTENDEDTRANSFER(method|method-data|holdtime|calltime|origposition). How events become a call:
 * {@link QueueLogCallAssembler}.
 */
public final class AsteriskQueueLogFormat {

    private static final List<String> LEADING = List.of("time", "callid", "queuename", "agent", "event");
    private static final int DATA = LEADING.size();

    public static final SourceFormat FORMAT = new SourceFormat("asterisk-queue-log", Set.of(SourceKind.CALLS),
            kind -> Set.of(), QueueLogFormat.OPTIONS, false, (definition, directory) -> new QueueLogFormat(definition,
                    directory, DelimitedLayout.variable('|', LEADING), AsteriskQueueLogFormat::event));

    private AsteriskQueueLogFormat() {
    }

    static QueueEvent event(DelimitedRow row) throws BadFieldException {
        String event = row.get(4).strip().toUpperCase(Locale.ROOT);
        String callerId = null;
        Integer hold = null;
        Integer talk = null;
        Integer wait = null;
        switch (event) {
            case "ENTERQUEUE" -> callerId = QueueLogFormat.text(row.get(DATA + 1));
            case "CONNECT" -> hold = data(row, 1);
            case "COMPLETEAGENT", "COMPLETECALLER" -> {
                hold = data(row, 1);
                talk = data(row, 2);
            }
            case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" -> wait = data(row, 3);
            case "EXITWITHKEY" -> wait = data(row, 4);
            case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
                hold = data(row, 3);
                talk = data(row, 4);
            }
            default -> {
                // an event that tells nothing about a call's times
            }
        }
        return new QueueEvent(row.line(), row.text(), QueueLogFormat.epoch(row.get(0), "time"), row.get(1).strip(),
                row.get(2).strip(), event, callerId, hold, talk, wait);
    }

    /** The n-th data field (1-based) as seconds. */
    private static Integer data(DelimitedRow row, int number) throws BadFieldException {
        return QueueLogFormat.seconds(row.get(DATA + number - 1), "data" + number);
    }
}
