package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.integration.csv.BatchCollector;

/**
 * A benchmark, not a test: how fast CDR legs already read are gathered into calls ({@link CdrCallAssembler}) as a
 * PBX's busy hours hold more calls open at once. Arguments: calls (default 2,000,000), calls beginning a second
 * (default 4: a PBX of about 10,000,000 calls a month), the correlation window in minutes (default 60), rounds
 * (default 5), and the order the legs are written in: {@code end} (default: as Asterisk writes {@code Master.csv}, a
 * leg when it ends) or {@code start} (a call's legs together, calls in the order they began, as the benchmark's
 * month writes them). Each call has two legs of up to five minutes. Prints the calls a second of each round; see
 * {@code bench/README.md}.
 */
public final class CdrAssemblyThroughput {

    private static final LocalDateTime START = LocalDateTime.parse("2026-10-01T00:00:00");

    private CdrAssemblyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int windowMinutes = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean byStart = args.length > 4 && args[4].equals("start");
        List<CallLeg> legs = legs(calls, perSecond, byStart);
        for (int round = 0; round < rounds; round++) {
            long[] given = new long[1];
            CdrCallAssembler assembler = new CdrCallAssembler(Duration.ofMinutes(windowMinutes), new BatchCollector(
                    new RecordSink() {
                        @Override
                        public void record(CanonicalRecord record) {
                            given[0]++;
                        }

                        @Override
                        public void quarantine(QuarantinedRow row) {
                            throw new IllegalStateException("Quarantined: " + row.reason());
                        }
                    }));
            long started = System.nanoTime();
            for (CallLeg leg : legs) {
                assembler.add(leg);
            }
            assembler.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%,d calls (%,d a second, window %d min) gathered in %.2f s: %,.0f calls/s%n",
                    given[0], perSecond, windowMinutes, seconds, given[0] / seconds);
        }
    }

    /** Two legs a call, the second ending up to a minute after the first. */
    private static List<CallLeg> legs(int calls, int perSecond, boolean byStart) {
        SplittableRandom random = new SplittableRandom(5);
        List<CallLeg> legs = new ArrayList<>(2 * calls);
        long line = 0;
        for (int call = 0; call < calls; call++) {
            LocalDateTime begins = START.plusNanos(call * (1_000_000_000L / perSecond));
            LocalDateTime firstEnds = begins.plusSeconds(10 + random.nextInt(240));
            LocalDateTime secondEnds = firstEnds.plusSeconds(random.nextInt(60));
            String key = "c" + call;
            legs.add(new CallLeg(++line, () -> "row", key + "/1", "uniqueid", key, null, null, false, begins, null,
                    firstEnds, false, false, null, false));
            legs.add(new CallLeg(++line, () -> "row", key + "/2", "uniqueid", key + "-b", key, null, false, begins,
                    null, secondEnds, false, false, null, false));
        }
        if (!byStart) {
            legs.sort(Comparator.comparing(CallLeg::end));
        }
        return legs;
    }
}
