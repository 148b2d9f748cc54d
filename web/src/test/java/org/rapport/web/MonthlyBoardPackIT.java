package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole product on a real WildFly: files dropped into the intake folders are ingested, the
 * month is measured and graded by the default rules, and the board pack is published — with the
 * figures worked out by hand in {@code e2e/october-2026/README.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonthlyBoardPackIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @BeforeAll
    static void deliverOctober() throws Exception {
        OctoberFixture.deliverAll(Path.of(System.getProperty("rapport.data.dir")));
        // the deployment is up before this runs; its address is fixed by the port offset
        ApiClient api = new ApiClient(new URL("http://127.0.0.1:"
                + (8080 + Integer.getInteger("rapport.it.port.offset")) + "/rapport/"));
        OctoberFixture.closeOctober(api);
        // Another test class may have delivered the fixture to a deployment since replaced: the queue of
        // intake runs is in the database, so October's run comes all the same
    }

    @Test
    void theMonthIsMeasuredGradedAndPublishedFromTheDroppedFiles() throws Exception {
        JsonObject run = publishedRunFor("2026-10");
        Map<String, JsonObject> kpis = byCode(getArray("api/runs/" + run.getInt("id") + "/kpis"));

        assertValue(kpis, "NPS", "25.00", "AMBER");
        assertValue(kpis, "CSAT", "50.00", "RED");
        assertValue(kpis, "SURVEY_REACH", "75.00", "GREEN");
        assertValue(kpis, "CHURN_RATE", "25.00", "RED");
        assertValue(kpis, "VALUE_LOST", "360.00", "GREEN");
        assertValue(kpis, "TIME_TO_HUMAN_MEAN", "4.67", "AMBER");
        assertValue(kpis, "TIME_TO_HUMAN_P90", "8.60", "GREEN");
        assertValue(kpis, "TIME_TO_HUMAN_OVER_9_5", "33.33", "RED");
        assertValue(kpis, "IVR_ABANDONMENT", "20.00", "RED");
        assertThat(run.getString("ruleSetVersion")).contains("default");

        JsonArray triggers = getArray("api/runs/" + run.getInt("id") + "/triggers");
        assertThat(triggers.getValuesAs(JsonObject.class))
                .extracting(trigger -> trigger.getString("code"))
                .contains("IVR_ABANDONMENT", "CHURN_ABOVE_TARGET", "NPS_BELOW_TARGET");
    }

    @Test
    void theBoardPackPrintsTheStoredFiguresAndTheirLineage() throws Exception {
        JsonObject run = publishedRunFor("2026-10");
        JsonObject detail = getObject("api/runs/" + run.getInt("id"));

        HttpResponse<byte[]> pdf = new ApiClient(application).getBytes("api/runs/" + run.getInt("id") + "/pack");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = textOf(pdf.body());

        assertThat(text).contains("October 2026", "Net Promoter Score", "25.0", "Churn rate", "IVR abandonment",
                "Time to reach a human (P90)", "8.6", run.getString("ruleSetVersion"));
        for (JsonObject batch : detail.getJsonArray("sourceBatches").getValuesAs(JsonObject.class)) {
            assertThat(text).contains(batch.getString("sha256").substring(0, 12));
        }
        assertThat(text).doesNotContain("T-001", "T-002", "T-003");
        Path written = Path.of(System.getProperty("rapport.data.dir"), "packs");
        try (var files = Files.list(written)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains("rapport-board-pack-2026-10-run-" + run.getInt("id") + ".pdf");
        }
    }

    @Test
    void anArchivedMonthRendersAgainWithTheSameFigures() throws Exception {
        JsonObject run = publishedRunFor("2026-10");
        ApiClient api = new ApiClient(application);

        String published = textOf(api.getBytes("api/runs/" + run.getInt("id") + "/pack").body());
        MonthRuns september = new MonthRuns(api, "2026-09");
        int before = september.newestRunId();
        deliver("survey-responses", "survey-responses-late.csv");
        String again = textOf(api.getBytes("api/runs/" + run.getInt("id") + "/pack/again").body());

        // Only the cover's "Generated …" time may differ between the two renders.
        assertThat(withoutGeneratedTime(again)).isEqualTo(withoutGeneratedTime(published));
        // The late answer falls in September, so intake plans a run for September: awaited here, so that it
        // starts in this test and not in whichever test class the suite's server runs next. September may
        // have runs already (the fixture's survey answers reach into it): only a run newer than the
        // delivery is the one it planned.
        Poll.until(MonthRuns.TIMEOUT, september::ofMonth,
                runs -> runs.stream().anyMatch(planned -> planned.getInt("id") > before));
    }

    private static String withoutGeneratedTime(String text) {
        return text.lines().filter(line -> !line.startsWith("Generated ")).collect(Collectors.joining("\n"));
    }

    @Test
    void aBadRowIsQuarantinedWithItsFileLineAndFieldWhileTheRestOfTheFileCounts() throws Exception {
        publishedRunFor("2026-10");

        JsonArray quarantine = getArray("api/intake/quarantine");

        assertThat(quarantine.getValuesAs(JsonObject.class)).anySatisfy(row -> {
            assertThat(row.getString("fileName")).isEqualTo("calls.csv");
            assertThat(row.getJsonNumber("line").longValue()).isEqualTo(7);
            assertThat(row.getString("field")).isEqualTo("ivr_seconds");
            assertThat(row.getString("reason")).contains("abc");
        });
        assertThat(getArray("api/intake/batches").getValuesAs(JsonObject.class))
                .filteredOn(batch -> batch.getString("fileName").equals("calls.csv"))
                .anySatisfy(batch -> {
                    assertThat(batch.getInt("rowsAccepted")).isEqualTo(5);
                    assertThat(batch.getInt("rowsQuarantined")).isEqualTo(1);
                });
    }

    @Test
    void theSameFileDeliveredAgainIsRecordedAsADuplicateAndNotCountedTwice() throws Exception {
        publishedRunFor("2026-10");
        deliver("customers", "customers.csv");

        JsonObject duplicate = Poll.until(TIMEOUT, () -> getArray("api/intake/batches").getValuesAs(JsonObject.class)
                        .stream().filter(batch -> batch.getString("status").equals("DUPLICATE")).findFirst()
                        .orElse(null),
                batch -> batch != null);

        assertThat(duplicate.getString("fileName")).isEqualTo("customers.csv");
        assertThat(duplicate.getInt("rowsAccepted")).isZero();
        assertThat(duplicate.getJsonNumber("duplicateOf")).isNotNull();
    }

    @Test
    void theTeamMovesAnActionPointOnAndEveryChangeIsRecorded() throws Exception {
        ApiClient api = new ApiClient(application);
        String json = "application/json";
        // A later run of the month (a late file) may supersede the one read: the change then goes to the newest.
        JsonObject changed = Poll.until(TIMEOUT, () -> {
            JsonObject run = publishedRunFor("2026-10");
            JsonObject action = getArray("api/runs/" + run.getInt("id") + "/triggers").getValuesAs(JsonObject.class)
                    .stream().filter(trigger -> trigger.getString("code").equals("IVR_ABANDONMENT")).findFirst()
                    .orElseThrow();
            HttpResponse<String> response = api.put("api/runs/" + run.getInt("id") + "/triggers/" + action.getInt("id")
                    + "/status", json, "{\"status\": \"IN_PROGRESS\", \"note\": \"menu review booked\"}");
            return response.statusCode() == 200 ? ApiClient.read(response.body()).asJsonObject() : null;
        }, action -> action != null);

        assertThat(changed.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(changed.getString("statusChangedBy")).isEqualTo(TestUsers.EVERY_ROLE);
        String actionPath = "api/runs/" + changed.getInt("runId") + "/triggers/" + changed.getInt("id");
        assertThat(api.json(actionPath + "/history").asJsonArray().getValuesAs(JsonObject.class)).singleElement()
                .satisfies(change -> {
                    assertThat(change.getString("from")).isEqualTo("OPEN");
                    assertThat(change.getString("to")).isEqualTo("IN_PROGRESS");
                    assertThat(change.getString("note")).isEqualTo("menu review booked");
                });
        HttpResponse<String> backToOpen = api.put(actionPath + "/status", json, "{\"status\": \"OPEN\"}");
        assertThat(backToOpen.statusCode()).as(backToOpen.body()).isEqualTo(409);
        assertThat(api.json(actionPath + "/history").asJsonArray()).hasSize(1);
    }

    /**
     * The newest published run of the month that used all four delivered files: files arrive one
     * by one, and an earlier run may have been made before the last of them was in.
     */
    private JsonObject publishedRunFor(String month) {
        return Poll.until(TIMEOUT, () -> {
            JsonObject newest = getArray("api/runs").getValuesAs(JsonObject.class).stream()
                    .filter(run -> run.getString("month").equals(month))
                    .filter(run -> run.getString("status").equals("PUBLISHED"))
                    .findFirst().orElse(null);
            if (newest == null) {
                return null;
            }
            long kinds = getObject("api/runs/" + newest.getInt("id")).getJsonArray("sourceBatches")
                    .getValuesAs(JsonObject.class).stream().map(batch -> batch.getString("kind")).distinct().count();
            return kinds == 4 ? newest : null;
        }, run -> run != null);
    }

    private static void assertValue(Map<String, JsonObject> kpis, String code, String value, String rag) {
        assertThat(kpis).containsKey(code);
        JsonObject kpi = kpis.get(code);
        assertThat(kpi.getJsonNumber("value").bigDecimalValue()).as(code).isEqualByComparingTo(new BigDecimal(value));
        assertThat(kpi.getString("rag")).as(code + " RAG").isEqualTo(rag);
    }

    private static Map<String, JsonObject> byCode(JsonArray kpis) {
        return kpis.getValuesAs(JsonObject.class).stream()
                .filter(kpi -> kpi.getString("dimension").equals("overall"))
                .collect(Collectors.toMap(kpi -> kpi.getString("code"), Function.identity()));
    }

    private static void deliver(String folder, String file) throws IOException {
        OctoberFixture.deliver(Path.of(System.getProperty("rapport.data.dir")), folder, file);
    }

    private JsonArray getArray(String path) throws Exception {
        return json(path).asJsonArray();
    }

    private JsonObject getObject(String path) throws Exception {
        return json(path).asJsonObject();
    }

    private JsonValue json(String path) throws Exception {
        return new ApiClient(application).json(path);
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
