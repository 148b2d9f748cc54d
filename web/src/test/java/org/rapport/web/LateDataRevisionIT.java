package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Late data for an old month, on the real server: a call log for March 2019 gets that month its pack;
 * a second, late log for March 2019 re-runs March 2019 only, and the new pack is a revision that says
 * on its cover what changed; a re-run with nothing new publishes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LateDataRevisionIT {

    private static final String MONTH = "2019-03";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String CALLS_HEADER = "call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,"
            + "outcome,wanted_agent,transfers,times_reidentified,agent_saw_history,channel\n";

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aLateFileForAnOldMonthRevisesThatMonthOnlyAndAnIdenticalReRunPublishesNothing() throws Exception {
        ApiClient api = new ApiClient(application);
        MonthRuns march = new MonthRuns(api, MONTH);

        deliverCalls("march-2019.csv", """
                L19-1,,2019-03-01T09:00:00,60,30,300,answered,true,0,0,true,phone
                L19-2,,2019-03-15T09:00:00,45,20,200,answered,true,0,0,true,phone
                L19-3,,2019-03-31T17:00:00,50,25,250,answered,true,0,0,true,phone
                """);
        JsonObject first = march.published(null);
        assertThat(first.getString("origin")).isEqualTo("INTAKE");
        assertThat(first.isNull("revisesRunId")).isTrue();
        int before = march.newestRunId();

        deliverCalls("march-2019-late.csv", """
                L19-4,,2019-03-20T11:00:00,400,0,0,abandoned_in_ivr,true,0,0,false,phone
                L19-5,,2019-03-21T11:00:00,380,0,0,abandoned_in_ivr,true,0,0,false,phone
                """);
        JsonObject revision = march.published(first.getInt("id"));

        List<JsonObject> runsSince = march.all().stream().filter(run -> run.getInt("id") > before).toList();
        assertThat(runsSince).as("runs the late file started").extracting(run -> run.getString("month"))
                .containsOnly(MONTH);
        JsonObject notice = api.json("api/runs/" + revision.getInt("id")).asJsonObject().getJsonObject("notice");
        JsonObject revised = notice.getJsonObject("revision");
        assertThat(revised.getInt("replacesRunId")).isEqualTo(first.getInt("id"));
        assertThat(revised.getJsonArray("changes").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .anySatisfy(change -> assertThat(change).startsWith("IVR abandonment: "));
        // the cover's notice wraps where it likes: compare with single spaces
        String text = textOf(api.getBytes("api/runs/" + revision.getInt("id") + "/pack").body()).replaceAll("\\s+", " ");
        assertThat(text).contains("REVISED", "replaces the pack of run " + first.getInt("id"), "IVR abandonment: ");

        // nothing new: the re-run is recorded, and publishes nothing
        int rerunId = ApiClient.read(Poll.until(TIMEOUT, () -> api.post("api/runs?month=" + MONTH, "text/plain", ""),
                response -> response.statusCode() == 202).body()).asJsonObject().getInt("id");
        JsonObject unchanged = Poll.until(TIMEOUT, () -> march.run(rerunId),
                run -> !"RUNNING".equals(run.getString("status")));
        assertThat(unchanged.getString("status")).isEqualTo("UNCHANGED");
        assertThat(unchanged.getInt("revisesRunId")).isEqualTo(revision.getInt("id"));
        assertThat(unchanged.get("packUrl")).isEqualTo(JsonValue.NULL);
        assertThat(api.getBytes("api/runs/" + rerunId + "/pack").statusCode()).isEqualTo(404);
        assertThat(march.ofMonth().stream()
                .filter(run -> run.getString("status").equals("PUBLISHED"))).hasSize(2);
    }

    /** A call log into the built-in calls folder, written elsewhere and moved in whole. */
    private static void deliverCalls(String file, String rows) throws IOException {
        Path intake = Files.createDirectories(Path.of(System.getProperty("rapport.data.dir"), "intake", "calls"));
        Path staged = Files.createTempFile(intake.getParent(), "staged-", ".csv");
        Files.writeString(staged, CALLS_HEADER + rows);
        Files.move(staged, intake.resolve(file), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
