package org.rapport.integration.survey;

import java.nio.file.Path;
import java.time.Clock;

import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;
import org.rapport.integration.support.TimedStore;

/**
 * A benchmark, not a test: stores a month benchmark's customers, then its two survey files (canonical and Qualtrics),
 * into a fresh embedded PostgreSQL as the file drop does, and prints each file's rows a second. The customers come
 * first so that the answers are matched against a company of the month's size, as in the server. With
 * {@code -Djava.util.logging.config.file=} setting {@code org.rapport.engine.intake.level=FINE}, each statement's rows
 * and seconds. Argument: the month's files, as {@code MonthBenchmark} writes them
 * ({@code /tmp/month-bench/files-v2-1000000-2026-2026-10}).
 */
public final class SurveyStoreThroughput {

    private SurveyStoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path month = Path.of(args[0]);
        IntakeFormat surveys = TestSources.format("""
                {"name": "survey-responses", "kind": "survey-responses", "format": "canonical-csv",
                 "timeZone": "UTC"}""");
        IntakeFormat qualtrics = TestSources.format("""
                {"name": "qualtrics", "kind": "survey-responses", "format": "qualtrics-csv", "timeZone": "UTC",
                 "fields": {"nps": "QID1", "csat": "QID2", "effort": "QID3", "comment": "QID4_TEXT",
                            "survey": {"constant": "relationship-nps"}, "touchpoint": {"constant": "email"}}}""");
        try (ResourceLocalStore store = ResourceLocalStore.freshSchema(EmbeddedPostgresServer.newDatabase("surveys"))) {
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            TimedStore.storeCustomers(intake, month);
            TimedStore.store(intake, surveys, month.resolve("survey-responses/survey-responses-2026-10.csv"));
            TimedStore.store(intake, qualtrics, month.resolve("qualtrics/qualtrics_2026-10.csv"));
        }
    }
}
