package org.rapport.integration.ivr;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/**
 * A benchmark, not a test: reads an Asterisk {@code Master.csv} (e.g. the one {@code MonthBenchmark} writes under
 * {@code files-v2-N-…/pbx-cdr/}) through the month benchmark's PBX definition into a sink that only counts, as many
 * times as asked, and prints calls a second each time: the format's own cost, nothing stored. Arguments: the file,
 * rounds (default 5). Run with the module's test class path (bench/README.md).
 */
public final class CdrReadThroughput {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        IntakeFormat format = TestSources.format("""
                {"name": "pbx-cdr", "kind": "calls", "format": "asterisk-cdr-csv", "timeZone": "Europe/London",
                 "fields": {"customer_id": "accountcode"}}
                """);
        for (int round = 0; round < rounds; round++) {
            long[] counts = new long[2];
            long started = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                format.stream(file.getFileName().toString(), in, new RecordSink() {
                    public void record(CanonicalRecord record) { counts[0]++; }
                    public void quarantine(QuarantinedRow row) { counts[1]++; }
                });
            }
            double s = (System.nanoTime() - started) / 1e9;
            System.out.printf("%,d calls, %,d quarantined in %.2f s: %,.0f calls/s%n", counts[0], counts[1], s, counts[0] / s);
        }
    }
}
