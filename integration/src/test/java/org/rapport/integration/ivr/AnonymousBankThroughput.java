package org.rapport.integration.ivr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/**
 * A benchmark, not a test: writes a 1,000,000-line Anonymous Bank file and reports how many rows a
 * second the format reads. Run it with the test class path, e.g. from the IDE; the first argument,
 * if any, is the number of lines.
 */
public final class AnonymousBankThroughput {

    private static final String HEADER = "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\t"
            + "vru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";

    private AnonymousBankThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("anonymous-bank-", ".tsv");
        try {
            write(file, lines);
            IntakeFormat format = TestSources.format("""
                    {"name": "bank", "kind": "calls", "format": "anonymous-bank", "timeZone": "Asia/Jerusalem"}
                    """);
            long started = System.nanoTime();
            IntakeBatch batch;
            try (InputStream content = Files.newInputStream(file)) {
                batch = format.read(file.getFileName().toString(), content);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%,d lines, %,d calls, %,d quarantined in %.1f s: %,.0f rows a second%n", lines,
                    batch.records().size(), batch.quarantined().size(), seconds, lines / seconds);
        } finally {
            Files.delete(file);
        }
    }

    /** Writes {@code lines} calls in the Anonymous Bank layout, a third of them from unidentified callers. */
    static void write(Path file, int lines) throws IOException {
        write(file, 0, lines);
    }

    /** Writes calls {@code first} to {@code first + lines - 1}: two files with overlapping ranges share calls. */
    static void write(Path file, int first, int lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(HEADER + "\r\n");
            for (int line = first; line < first + lines; line++) {
                int minute = line % 600;
                String entry = (7 + minute / 60) + ":" + two(minute % 60) + ":00";
                String vruExit = (7 + minute / 60) + ":" + two(minute % 60) + ":09";
                out.write("AA" + (1000 + line % 50) + "\t" + line + "\t" + (line % 3 == 0 ? "0" : 10_000_000 + line)
                        + "\t2\tPS\t990201\t" + entry + "\t" + vruExit + "\t9\t" + vruExit + "\t" + vruExit
                        + "\t0\tAGENT\t" + vruExit + "\t" + vruExit + "\t120\tDORIT\r\n");
            }
        }
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : String.valueOf(number);
    }
}
