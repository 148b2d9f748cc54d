package org.rapport.engine.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Bounds what the server itself logs about a fault that repeats, for the categories it is given: the first record
 * of a kind (its logger, its message pattern and the type of its deepest cause) goes through with its stack trace;
 * later ones of the same kind are counted, and once the window has passed the next one goes through without its
 * trace, saying how many were left out. So a failure outside Rapport's own handlers (an EJB call that failed, a
 * connection the pool could not open) still reaches the log, once a minute rather than once per request. Records of
 * other categories pass untouched.
 * <p>
 * Installed as a WildFly logging filter (web's {@code rapport-logging.cli}, module {@code org.rapport.logging}) on
 * the handlers, as a logger's filter does not apply to its child categories; a record that passes several handlers
 * is decided once. WildFly makes it with the no-argument constructor and sets its properties. Thread-safe.
 */
public final class RepeatedLogRecords implements Filter {

    /** Beyond this many kinds, those whose window has passed are forgotten: messages that vary cannot grow it. */
    private static final int MOST_KINDS = 1_000;

    private final Clock clock;
    private volatile Duration window = Duration.ofMinutes(1);
    private volatile List<String> categories = List.of();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<LogRecord, Boolean> decided = Collections.synchronizedMap(new WeakHashMap<>());

    public RepeatedLogRecords() {
        this(Clock.systemUTC());
    }

    RepeatedLogRecords(Clock clock) {
        this.clock = clock;
    }

    /** The logger categories (and their children) to bound, separated by commas. */
    public void setCategories(String categories) {
        this.categories = Arrays.stream(categories.split(",")).map(String::trim).filter(each -> !each.isEmpty())
                .toList();
    }

    /** How long a kind of record is only counted after one went through. */
    public void setWindowSeconds(String seconds) {
        this.window = Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!bounded(record.getLoggerName())) {
            return true;
        }
        synchronized (decided) {
            Boolean before = decided.get(record);
            if (before != null) {
                return before;
            }
            boolean loggable = decide(record);
            decided.put(record, loggable);
            return loggable;
        }
    }

    private boolean decide(LogRecord record) {
        Instant now = clock.instant();
        String kind = record.getLoggerName() + "|" + record.getMessage() + "|" + deepestCause(record.getThrown());
        Tally[] due = {null};
        boolean[] first = {false};
        if (tallies.size() >= MOST_KINDS) {
            tallies.values().removeIf(tally -> !now.isBefore(tally.since.plus(window)));
        }
        tallies.compute(kind, (ignored, tally) -> {
            if (tally == null) {
                first[0] = true;
                return new Tally(now, 0);
            }
            if (!now.isBefore(tally.since.plus(window))) {
                due[0] = tally;
                return new Tally(now, 0);
            }
            return new Tally(tally.since, tally.leftOut + 1);
        });
        if (first[0]) {
            return true;
        }
        if (due[0] == null) {
            return false;
        }
        // the trace went with the first; no quotes, braces or percent signs, whatever the message's format style
        String cause = record.getThrown() == null ? "" : " (cause " + deepestCause(record.getThrown()) + ")";
        record.setThrown(null);
        record.setMessage(record.getMessage() + cause + " [logged once per " + window.toSeconds() + " s: "
                + due[0].leftOut + " more like it in the window before were not logged]");
        return true;
    }

    private boolean bounded(String logger) {
        if (logger == null) {
            return false;
        }
        for (String category : categories) {
            if (logger.equals(category) || logger.startsWith(category + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String deepestCause(Throwable thrown) {
        if (thrown == null) {
            return "-";
        }
        Throwable deepest = thrown;
        for (int depth = 0; deepest.getCause() != null && deepest.getCause() != deepest && depth < 50; depth++) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getName();
    }

    private record Tally(Instant since, long leftOut) {
    }
}
