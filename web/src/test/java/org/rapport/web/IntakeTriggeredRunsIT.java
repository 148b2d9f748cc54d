package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Intake and runs on the real server: a run never reads a month while one of its files is still being
 * stored, and a delivery that overlaps what was delivered before stores each call once and, when it
 * brings nothing new, starts no run (no new pack). Each test has a month of its own that no other test uses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntakeTriggeredRunsIT {

    private static final String CALLS_HEADER = "call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,"
            + "outcome,wanted_agent,transfers,times_reidentified,agent_saw_history,channel\n";
    /** Large enough that a file delivered after it is taken while it is still being stored. */
    private static final int LARGE_FILE_CALLS = 150_000;

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    /**
     * Files stored one at a time (rapport.intake.files-at-once, 1 on the suite's server whatever the cores: its
     * default on two): one delivered while a large one is stored waits its turn, listed as such by the month's
     * readiness, and no run starts until both are stored.
     */
    @Test
    void aSmallFileDeliveredWhileALargeOneIsStoredWaitsItsTurnAndTheMonthsFirstRunReadsBoth() throws Exception {
        YearMonth june = YearMonth.of(2018, 6);
        ApiClient api = new ApiClient(application);
        MonthRuns runs = new MonthRuns(api, june.toString());

        Path large = written("race-calls.csv", june, LARGE_FILE_CALLS);
        deliver("calls", large);
        Poll.until(MonthRuns.TIMEOUT, () -> beingStored(api, june),
                stored -> stored.stream().anyMatch(file -> file.endsWith(" race-calls.csv")));
        deliver("survey-responses", surveyAnswer("race-survey.csv", june));
        Poll.until(MonthRuns.TIMEOUT, () -> beingStored(api, june),
                stored -> stored.stream().anyMatch(file -> file.endsWith(" race-survey.csv (waiting its turn)")));
        // the race the test is about: the small file arrives while the large one is stored
        assertThat(batch(api, "race-calls.csv")).as("the large file, when the small one was waiting").isNull();
        assertThat(batch(api, "race-survey.csv")).isNull();

        JsonObject first = runs.finishedAfter(0);

        assertThat(first.getString("status")).isEqualTo("PUBLISHED");
        JsonObject lineage = api.json("api/runs/" + first.getInt("id")).asJsonObject();
        List<JsonObject> read = lineage.getJsonArray("sourceBatches").getValuesAs(JsonObject.class);
        assertThat(read).as("the month's first run read the whole calls file").anySatisfy(batch -> {
            assertThat(batch.getString("fileName")).isEqualTo("race-calls.csv");
            assertThat(batch.getInt("rowsAccepted")).isEqualTo(LARGE_FILE_CALLS);
        });
        assertThat(batch(api, "race-survey.csv").getInt("id")).as("stored in its turn, after the large file")
                .isGreaterThan(batch(api, "race-calls.csv").getInt("id"));
    }

    @Test
    void anOverlappingExtractStoresEachCallOnceAndOnlyWhatIsNewStartsARun() throws Exception {
        YearMonth may = YearMonth.of(2017, 5);
        ApiClient api = new ApiClient(application);
        MonthRuns runs = new MonthRuns(api, may.toString());

        deliver("calls", written("overlap-1-200.csv", may, 1, 200));
        JsonObject first = runs.published(null);
        assertThat(changes(api, "overlap-1-200.csv")).isEqualTo(List.of(200, 0, 0));

        // the first half again, under another name, as a "last 7 days" extract would bring it: nothing new
        deliver("calls", written("overlap-1-100.csv", may, 1, 100));
        Poll.until(MonthRuns.TIMEOUT, () -> batch(api, "overlap-1-100.csv"), batch -> batch != null
                && batch.getBoolean("runPlanned"));
        assertThat(changes(api, "overlap-1-100.csv")).as("added, updated, unchanged").isEqualTo(List.of(0, 0, 100));

        // the second half again and fifty new calls: only the new ones are counted, and the pack is revised
        deliver("calls", written("overlap-101-250.csv", may, 101, 250));
        JsonObject revision = runs.published(first.getInt("id"));

        assertThat(changes(api, "overlap-101-250.csv")).isEqualTo(List.of(50, 0, 100));
        assertThat(runs.ofMonth()).as("the extract that brought nothing new started no run")
                .extracting(run -> run.getInt("id")).containsExactly(revision.getInt("id"), first.getInt("id"));
    }

    /** Added, updated and unchanged records of the batch of {@code fileName}. */
    private static List<Integer> changes(ApiClient api, String fileName) throws Exception {
        JsonObject changes = Poll.until(MonthRuns.TIMEOUT, () -> batch(api, fileName), batch -> batch != null)
                .getJsonObject("changes");
        return List.of(changes.getInt("added"), changes.getInt("updated"), changes.getInt("unchanged"));
    }

    /** The accepted batch of {@code fileName}, or null while there is none. */
    private static JsonObject batch(ApiClient api, String fileName) throws Exception {
        return api.json("api/intake/batches?limit=1000").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(batch -> batch.getString("fileName").equals(fileName))
                .filter(batch -> batch.getString("status").equals("ACCEPTED"))
                .findFirst().orElse(null);
    }

    private static List<String> beingStored(ApiClient api, YearMonth month) throws Exception {
        return api.json("api/readiness/" + month).asJsonObject().getJsonArray("beingStored")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** {@code count} answered calls spread over {@code month}, some on its last day. */
    private static Path written(String name, YearMonth month, int count) throws IOException {
        return written(name, month, 1, count);
    }

    /**
     * Calls {@code from} to {@code to}: each call's id, day and figures follow from its number alone, so
     * two files holding one number hold the same call; every 31st falls on the month's last day.
     */
    private static Path written(String name, YearMonth month, int from, int to) throws IOException {
        Path file = Files.createTempDirectory("calls").resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(CALLS_HEADER);
            for (int number = from; number <= to; number++) {
                LocalDate day = month.atDay(1 + number % month.lengthOfMonth());
                out.write(name.substring(0, name.indexOf('-')) + "-" + month + "-" + number + ",,"
                        + day + "T" + String.format("%02d:%02d:00", 8 + number % 10, number % 60)
                        + "," + (30 + number % 90) + "," + (number % 300) + "," + (120 + number % 400)
                        + ",answered,true,0,0,true,phone\n");
            }
        }
        return file;
    }

    private static Path surveyAnswer(String name, YearMonth month) throws IOException {
        Path file = Files.createTempDirectory("survey").resolve(name);
        Files.writeString(file, "response_id,customer_id,responded_at,survey,touchpoint,nps,csat,effort,comment\n"
                + "race-" + month + "-1,,"  + month.atDay(3) + "T10:00:00,relationship,call,9,5,6,\n");
        return file;
    }

    /** Into the built-in intake folder, written elsewhere and moved in whole, as a source delivers. */
    private static void deliver(String folder, Path file) throws IOException {
        Path intake = Files.createDirectories(Path.of(System.getProperty("rapport.data.dir"), "intake", folder));
        Path staged = Files.createTempFile(intake.getParent(), "staged-", ".csv");
        Files.move(file, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, intake.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
}
