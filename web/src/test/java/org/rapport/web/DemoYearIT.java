package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo as a new user gets it ({@code ./mvnw -Prun package}): a server with an empty data folder, given the
 * sample folder. Its first start seeds the samples, runs the sample year November 2025 – October 2026 one month
 * after the other, and the sample team follows September's action points up once September is published; October
 * 2026's pack then shows twelve months of trend (September's and August's figures among them) and September's
 * action points with the statuses the sample set. A server of its own ({@code wildfly-demo}): the suite's server
 * already holds other tests' runs, and the demo is about a first start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoYearIT {

    private static final String CONTAINER = "wildfly-demo";
    private static final String DEPLOYMENT = "rapport-demo";
    /** Seeding, storing the sample and twelve runs: a few seconds each. */
    private static final Duration YEAR = Duration.ofMinutes(6);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int PORT_OFFSET = 650;

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    private final ApiClient api = new ApiClient(application());

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void theFirstStartPublishesTheSampleYearAndOctobersPackShowsItsTrendsAndSeptembersActionsFollowedUp()
            throws Exception {
        Path dataDir = Path.of(System.getProperty("rapport.data.dir") + "-demo");
        deleteRecursively(dataDir);
        controller.start(CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            List<JsonObject> published = Poll.until(YEAR, this::publishedRuns,
                    runs -> runs.stream().anyMatch(run -> run.getString("month").equals(OCTOBER.toString())));

            // the year, oldest first
            assertThat(published.stream().map(run -> run.getString("month")).distinct()).containsExactly(
                    "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
                    "2026-08", "2026-09", "2026-10");
            int august = runOf(published, "2026-08");
            int september = runOf(published, "2026-09");
            int october = runOf(published, "2026-10");
            String pack = packText(october);

            // trends: the twelve months behind each headline tile, as text beside the chart
            BigDecimal augustNps = overall(august, "NPS");
            BigDecimal septemberNps = overall(september, "NPS");
            assertThat(pack).contains(label("2026-08") + " " + shown(augustNps) + " · " + label("2026-09") + " "
                    + shown(septemberNps) + " · " + label("2026-10"), "Last month: " + shown(septemberNps));
            assertThat(pack).contains(label("2026-08") + " " + shown(overall(august, "CHURN_RATE")) + " % · "
                    + label("2026-09") + " " + shown(overall(september, "CHURN_RATE")) + " % · ");

            // September's action points, some moved on by the sample team through the status service, audited
            List<JsonObject> septemberActions = api.json("api/runs/" + september + "/triggers").asJsonArray()
                    .getValuesAs(JsonObject.class);
            List<JsonObject> moved = septemberActions.stream()
                    .filter(action -> !action.getString("status").equals("OPEN")).toList();
            assertThat(moved).as("September's action points the sample team moved on").isNotEmpty()
                    .allSatisfy(action -> assertThat(action.getString("statusChangedBy")).isEqualTo("sample-data"));
            assertThat(moved).extracting(action -> action.getString("status")).contains("IN_PROGRESS", "DONE");
            for (JsonObject action : moved) {
                String history = api.json("api/runs/" + september + "/triggers/" + action.getInt("id") + "/history")
                        .toString();
                assertThat(history).contains("\"changedBy\":\"sample-data\"").contains("\"to\":\""
                        + action.getString("status") + "\"");
                // October's follow-up table: the action point with the status the sample set
                // (title, pillar, severity, owner, the team's status, what October's data says)
                assertThat(pack).containsPattern(Pattern.quote(action.getString("title"))
                        + " (Staff|Process|Technology) (HIGH|MEDIUM|LOW) .{0,60}?"
                        + Pattern.quote(words(action.getString("status"))) + " (Still firing|No longer firing)");
            }
            assertThat(pack).contains("Of September 2026's ");
            assertThat(Files.exists(dataDir.resolve("sample-action-status/2026-09.json.applied")))
                    .as("the sample team's plan is used once").isTrue();
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    private List<JsonObject> publishedRuns() throws Exception {
        return api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(run -> run.getString("status").equals("PUBLISHED"))
                .sorted(Comparator.comparingInt(run -> run.getInt("id")))
                .toList();
    }

    /** The month's latest published run: the one the next month's pack reads. */
    private static int runOf(List<JsonObject> runs, String month) {
        return runs.stream().filter(run -> run.getString("month").equals(month))
                .mapToInt(run -> run.getInt("id")).max().orElseThrow();
    }

    private BigDecimal overall(int runId, String code) throws Exception {
        return api.json("api/runs/" + runId + "/kpis").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(kpi -> kpi.getString("code").equals(code) && kpi.getString("dimension").equals("overall"))
                .findFirst().map(kpi -> kpi.getJsonNumber("value").bigDecimalValue()).orElseThrow();
    }

    /** As the pack names a month in a trend: "Aug 2026" (and, in this JDK's UK English, "Sept 2026"). */
    private static String label(String month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK)
                .format(YearMonth.parse(month));
    }

    /** As the pack shows a figure: one decimal, half up. */
    private static String shown(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** "IN_PROGRESS" as the pack words it: "In progress". */
    private static String words(String status) {
        String lower = status.replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private String packText(int runId) throws Exception {
        byte[] pdf = api.getBytes("api/runs/" + runId + "/pack").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // a table cell or a long line wraps: read the words as one line
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static URL application() {
        try {
            return new URL("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/rapport/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
