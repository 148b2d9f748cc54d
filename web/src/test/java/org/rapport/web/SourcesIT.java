package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.integration.transport.PagedApi;

/**
 * An integration team connects a source over REST, without code or a redeploy: the definition is
 * checked, written to the sources directory and taken at once; one with mistakes is refused with its
 * problems named by field. Its health (over REST and as metrics), quarantine and replay follow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesIT {

    private static final String JSON = "application/json";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aSourceSavedOverRestTakesItsFilesWithoutARedeployAndShowsItsHealth() throws Exception {
        Path dataDir = Path.of(System.getProperty("rapport.data.dir"));
        Path drops = Files.createDirectories(dataDir.resolve("drops/billing"));
        ApiClient api = new ApiClient(application);
        // The data is of March 2025, a month no other test on this server grades.
        String definition = """
                {
                  // the billing system's nightly purchases
                  "name": "billing", "kind": "purchases", "format": "canonical-csv", "timeZone": "Europe/London",
                  "transport": {"type": "file", "directory": "../drops/billing"},
                  "readiness": "month-closed"
                }
                """;

        HttpResponse<String> saved = api.put("api/sources/billing", JSON, definition);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ApiClient.read(saved.body()).asJsonObject().getJsonObject("source").getBoolean("running")).isTrue();
        assertThat(dataDir.resolve("sources/billing.json")).hasContent(definition);
        assertThat(api.get("api/sources/billing").body()).isEqualTo(definition);

        Files.writeString(drops.getParent().resolve(".staged"), """
                customer_id,purchased_on,amount,product_category
                C-001,2025-03-03,44.35,broadband-plan
                C-002,2025-03-04,lots,fibre-plan
                C-003,2025-03-05,12.00,top-up
                """);
        Files.move(drops.getParent().resolve(".staged"), drops.resolve("purchases-2025-03.csv"));

        JsonObject health = Poll.until(TIMEOUT, () -> sourceHealth(api, "billing"),
                source -> source != null && source.getInt("batches") == 1);
        assertThat(health.getBoolean("running")).isTrue();
        assertThat(health.getInt("rowsAccepted")).isEqualTo(2);
        assertThat(health.getInt("rowsQuarantined")).isEqualTo(1);
        assertThat(health.getInt("rowsUnmatched")).as("kept, though no customer delivered is theirs").isEqualTo(2);
        assertThat(health.getString("newestRecordAt")).isEqualTo("2025-03-05T00:00");
        JsonObject quarantined = api.json("api/intake/quarantine?source=billing").asJsonArray()
                .getValuesAs(JsonObject.class).get(0);
        assertThat(quarantined.getJsonNumber("line").longValue()).isEqualTo(3);
        assertThat(quarantined.getString("field")).isEqualTo("amount");

        // the completeness rule its definition declares: March waits for the integration team's "closed"
        JsonObject billingInMarch = api.json("api/readiness/2025-03").asJsonObject().getJsonArray("sources")
                .getValuesAs(JsonObject.class).stream().filter(source -> source.getString("source").equals("billing"))
                .findFirst().orElseThrow();
        assertThat(billingInMarch.getString("rule")).isEqualTo("month-closed");
        assertThat(billingInMarch.getBoolean("complete")).isFalse();

        Poll.until(TIMEOUT, () -> metric("rapport_intake_rows", "source=\"billing\"", "state=\"accepted\""),
                value -> value.equals("2.0"));
        assertThat(metric("rapport_intake_rows", "source=\"billing\"", "state=\"quarantined\"")).isEqualTo("1.0");
        assertThat(metric("rapport_intake_lag_seconds", "source=\"billing\"")).isNotNull();

        int batchId = health.getJsonObject("lastBatch").getInt("id");
        // this server answers a replay at once (rapport.intake.replay-answer-seconds=0): 202, under way, unless done
        HttpResponse<String> replayed = api.post("api/intake/batches/" + batchId + "/replay", JSON, "");
        assertThat(replayed.statusCode()).as(replayed.body()).isIn(200, 202);
        if (replayed.statusCode() == 202) {
            JsonObject underWay = ApiClient.read(replayed.body()).asJsonObject();
            assertThat(underWay.getInt("replayOf")).isEqualTo(batchId);
            assertThat(underWay.getString("message")).contains("is being replayed", "the ledger shows it");
        }
        JsonObject replaced = Poll.until(TIMEOUT, () -> ledgerEntry(api, batchId),
                entry -> entry.getString("status").equals("REPLACED"));
        int replay = replaced.getInt("replacedBy");
        assertThat(api.post("api/intake/batches/" + batchId + "/replay", JSON, "").statusCode())
                .as("a batch replaced is refused at once").isEqualTo(409);
        // only a batch left half written is discarded: the replay's, stored whole, is refused and keeps its rows
        HttpResponse<String> notDiscarded = api.post("api/intake/batches/" + replay + "/discard", JSON, "");
        assertThat(notDiscarded.statusCode()).as(notDiscarded.body()).isEqualTo(409);
        assertThat(ApiClient.read(notDiscarded.body()).asJsonObject().getString("reason")).isEqualTo("NOT_HALF_WRITTEN");
        assertThat(sourceHealth(api, "billing").getJsonObject("lastBatch").getString("status")).isEqualTo("ACCEPTED");
        assertThat(sourceHealth(api, "billing").getJsonNumber("recordsHeld").longValue()).isEqualTo(2);
        assertThat(api.post("api/intake/batches/987654321/discard", JSON, "").statusCode()).isEqualTo(404);

        assertThat(api.delete("api/sources/billing").statusCode()).isEqualTo(204);

        // who did it: the signed-in user, in the audit trail (the replay's once it is done, on its own thread)
        List<String> audited = Poll.until(TIMEOUT, () -> api.json("api/audit?limit=1000").asJsonArray()
                        .getValuesAs(JsonObject.class).stream()
                        .filter(entry -> entry.getString("subject").equals("billing")
                                || entry.getString("subject").equals("batch " + batchId))
                        .map(entry -> entry.getString("action") + " by " + entry.getString("by")).toList(),
                actions -> actions.contains("BATCH_REPLAYED by " + TestUsers.EVERY_ROLE));
        assertThat(audited).contains("SOURCE_SAVED by " + TestUsers.EVERY_ROLE, "BATCH_REPLAYED by " + TestUsers.EVERY_ROLE,
                "SOURCE_REMOVED by " + TestUsers.EVERY_ROLE);
        assertThat(api.get("api/sources/billing").statusCode()).isEqualTo(404);
        assertThat(sourceHealth(api, "billing").getBoolean("running")).as("its data stays, its routes stop").isFalse();
    }

    @Test
    void aSourcePulledOverHttpIsFetchedWithItsCredentialPageByPageAndStored() throws Exception {
        ApiClient api = new ApiClient(application);
        try (PagedApi surveys = PagedApi.start(5, "it-token-5c1e")) {
            // the token is the test server's property rapport.credential.it-survey-api (arquillian.xml)
            String definition = """
                    {"name": "survey-api", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                     "schedule": "PT1H",
                     "transport": {"type": "http", "url": "%s", "authHeader": "Authorization",
                                   "credential": "it-survey-api", "paging": "cursor", "pageParam": "after",
                                   "nextCursor": "/paging/next", "items": "/data/responses"},
                     "fields": {"response_id": "id", "customer_id": "customer", "responded_at": "submitted",
                                "nps": "nps"}}
                    """.formatted(surveys.url("/by-cursor"));

            HttpResponse<String> saved = api.put("api/sources/survey-api", JSON, definition);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

            JsonObject health = Poll.until(TIMEOUT, () -> sourceHealth(api, "survey-api"),
                    source -> source != null && source.getInt("rowsAccepted") == 5);
            assertThat(surveys.queries()).as("three pages of two, by cursor").startsWith("", "after=c2", "after=c4");
            assertThat(health.getJsonObject("fetch").getBoolean("healthy")).isTrue();
            assertThat(health.getJsonObject("fetch").getInt("rowsLanded")).isEqualTo(5);
            assertThat(health.getInt("rowsUnmatched")).as("no customer C-1…C-5 was delivered").isEqualTo(5);
        } finally {
            api.delete("api/sources/survey-api");
        }
    }

    private static JsonObject ledgerEntry(ApiClient api, int batchId) throws Exception {
        return api.json("api/intake/batches?limit=1000").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getInt("id") == batchId).findFirst().orElseThrow();
    }

    private static JsonObject sourceHealth(ApiClient api, String source) throws Exception {
        return api.json("api/intake/health").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("source").equals(source)).findFirst().orElse(null);
    }

    /**
     * The value of one series in the Prometheus text the management port serves, or null; the server
     * adds labels of its own (app, deployment), so the series is found by name and the labels given.
     */
    private static String metric(String name, String... labels) throws Exception {
        int port = Integer.getInteger("rapport.it.management.port");
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse(null);
    }

    @Test
    void aDefinitionWithMistakesIsRefusedWithEachProblemNamedByField() throws Exception {
        ApiClient api = new ApiClient(application);

        HttpResponse<String> refused = api.put("api/sources/pbx", JSON, """
                {"name": "pbx", "kind": "calls", "format": "asterisk-cdr-csv", "timeZone": "Europe/Londn",
                 "transport": {"type": "file", "directory": "../drops/nowhere"}}
                """);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonObject body = ApiClient.read(refused.body()).asJsonObject();
        assertThat(body.getJsonArray("problems").getValuesAs(JsonObject.class))
                .extracting(problem -> problem.getString("field"))
                .contains("timeZone", "transport.directory");
        assertThat(api.get("api/sources/pbx").statusCode()).isEqualTo(404);
    }
}
