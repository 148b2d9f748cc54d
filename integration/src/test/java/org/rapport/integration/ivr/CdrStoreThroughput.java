package org.rapport.integration.ivr;

import java.nio.file.Path;
import java.time.Clock;

import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;
import org.rapport.integration.support.TimedStore;

/**
 * A benchmark, not a test: stores an Asterisk {@code Master.csv} (as for {@link CdrReadThroughput}) into a fresh
 * embedded PostgreSQL as the file drop does — hashed, read ahead, staged, merged in parts — and prints calls a second.
 * With {@code -Djava.util.logging.config.file=} setting {@code org.rapport.engine.intake.level=FINE}, each statement's
 * rows and seconds. Argument: the file.
 */
public final class CdrStoreThroughput {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        IntakeFormat format = TestSources.format("""
                {"name": "pbx-cdr", "kind": "calls", "format": "asterisk-cdr-csv", "timeZone": "Europe/London",
                 "fields": {"customer_id": "accountcode"}}
                """);
        try (ResourceLocalStore store = ResourceLocalStore.freshSchema(EmbeddedPostgresServer.newDatabase("cdr"))) {
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            TimedStore.store(intake, format, file);
        }
    }
}
