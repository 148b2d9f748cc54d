package org.rapport.integration.ivr;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.integration.DeliveredFile;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.StoreOnDisk;
import org.rapport.integration.support.TestSources;

/**
 * A benchmark, not a test: writes a 1,000,000-line Anonymous Bank file and stores it the way the file
 * drop does — a hashing pass, then the file streamed through the format into the intake, in one
 * transaction — into the embedded default's database (H2 in a file, a fresh one in a temporary
 * folder; H2 runs in this JVM, so its caches count in the heap). Reports rows a second and heap: the
 * peak in use, sampled every 10 ms, and the live heap (after a full collection) at each tenth of the
 * file, which stays flat when the file is not held. The collections' time is left out of the rate.
 * Run it as {@code bench/README.md} says; the first argument, if any, is the number of lines.
 */
public final class AnonymousBankStoreThroughput {

    private static final String DEFINITION = """
            {"name": "bank", "kind": "calls", "format": "anonymous-bank", "timeZone": "Asia/Jerusalem",
             "transport": {"type": "file", "directory": "."}}
            """;
    private static final int PROBES = 10;

    private AnonymousBankStoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("anonymous-bank-store-");
        Path file = dir.resolve("anonymous-bank.tsv");
        AnonymousBankThroughput.write(file, lines);
        IntakeFormat format = TestSources.format(DEFINITION);
        try (StoreOnDisk store = StoreOnDisk.open(dir.resolve("db/rapport"))) {
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            Heap heap = new Heap(Math.max(1, lines / PROBES));
            long started = System.nanoTime();
            Delivery delivery = DeliveredFile.delivery(format, file, file.getFileName().toString(), null);
            IntakeReceipt receipt = intake.store(heap.watching(delivery));
            double seconds = (System.nanoTime() - started - heap.probeNanos()) / 1e9;
            heap.stop();
            System.out.printf("%,d lines (%,d MB) hashed, read and stored in %.1f s: %,.0f rows a second; %s, %,d calls,"
                    + " %,d quarantined, %,d unmatched; %,d calls in the store%n", lines, Files.size(file) >> 20,
                    seconds, lines / seconds, receipt.status(), receipt.rowsAccepted(), receipt.rowsQuarantined(),
                    receipt.rowsUnmatched(), store.count("Call"));
            System.out.printf("heap: max %,d MB, peak in use %,d MB, live after a full collection at each tenth of "
                    + "the rows %s MB%n", Runtime.getRuntime().maxMemory() >> 20, heap.peakUsed() >> 20, heap.live());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Watches the heap while the file is stored. */
    private static final class Heap {
        private final int probeEvery;
        private final AtomicLong peakUsed = new AtomicLong();
        private final List<Long> live = new ArrayList<>();
        private long probeNanos;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });

        Heap(int probeEvery) {
            this.probeEvery = probeEvery;
            live.add(liveNow());
            sampler.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
        }

        /** The delivery, with the live heap taken every {@code probeEvery} rows on their way into the store. */
        Delivery watching(Delivery delivery) {
            return new Delivery(delivery.kind(), delivery.source(), delivery.fileName(), delivery.checksum(),
                    delivery.keptAs(), sink -> delivery.content().readInto(new RecordSink() {
                        private long rows;

                        @Override
                        public void record(CanonicalRecord record) {
                            sink.record(record);
                            if (++rows % probeEvery == 0) {
                                long before = System.nanoTime();
                                live.add(liveNow());
                                probeNanos += System.nanoTime() - before;
                            }
                        }

                        @Override
                        public void quarantine(QuarantinedRow row) {
                            sink.quarantine(row);
                        }
                    }));
        }

        private static long liveNow() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        private void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void stop() {
            sampler.shutdownNow();
        }

        long probeNanos() {
            return probeNanos;
        }

        long peakUsed() {
            return peakUsed.get();
        }

        List<Long> live() {
            return live.stream().map(bytes -> bytes >> 20).toList();
        }
    }
}
