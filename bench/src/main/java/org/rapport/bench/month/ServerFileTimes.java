package org.rapport.bench.month;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the server itself took to stage and to merge each file, as its log says (the staged intake's two lines a
 * file, PostgreSQL only): the benchmark's own polls, 0.25 s apart and two requests each, put ±10–20 % on a file
 * stored in 2–4 s. Files the log does not time (customers, any file on H2) have none.
 */
final class ServerFileTimes {

    private static final Pattern STAGED = Pattern.compile("File '([^']+)': \\d+ rows staged in ([0-9.]+) s");
    private static final Pattern MERGED = Pattern.compile("File '([^']+)': made batch \\d+ in \\d+ parts, ([0-9.]+) s");

    /** A file's staging and merging, in seconds. */
    record Times(double staged, double merged) {
        double total() {
            return staged + merged;
        }
    }

    private final Map<String, Double> staged = new HashMap<>();
    private final Map<String, Double> merged = new HashMap<>();

    private ServerFileTimes() {
    }

    /** The times in {@code serverLog}; none when it is not there. */
    static ServerFileTimes read(Path serverLog) throws IOException {
        ServerFileTimes times = new ServerFileTimes();
        if (Files.exists(serverLog)) {
            // the server's log holds what a lenient decoder can read; a stray byte must not lose the rest
            try (Stream<String> lines = Files.lines(serverLog, StandardCharsets.ISO_8859_1)) {
                lines.forEach(times::take);
            }
        }
        return times;
    }

    private void take(String line) {
        Matcher stagedLine = STAGED.matcher(line);
        if (stagedLine.find()) {
            staged.put(stagedLine.group(1), Double.parseDouble(stagedLine.group(2)));
            return;
        }
        Matcher mergedLine = MERGED.matcher(line);
        if (mergedLine.find()) {
            merged.put(mergedLine.group(1), Double.parseDouble(mergedLine.group(2)));
        }
    }

    /** The file's times, when the log holds both its lines (a file named once in the month). */
    Optional<Times> of(String fileName) {
        Double stagedIn = staged.get(fileName);
        Double mergedIn = merged.get(fileName);
        return stagedIn == null || mergedIn == null ? Optional.empty() : Optional.of(new Times(stagedIn, mergedIn));
    }
}
