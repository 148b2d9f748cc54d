package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Smoke test of the deployable: the built war deploys at /rapport on the provisioned server, and the MicroProfile
 * Health endpoints (management interface) report the database and the application UP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void deployedAtContextRootRapport() {
        assertThat(application.getPath()).isEqualTo("/rapport/");
    }

    @Test
    void readyWhenTheDatabaseAnswers() {
        JsonObject health = Poll.until(TIMEOUT, () -> health("ready"), HealthIT::isUp);

        JsonObject database = check(health, "rapport-database");
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("database")).isEqualTo("H2");
        // the embedded default keeps its database under rapport.data.dir
        Path dataDir = Path.of(System.getProperty("rapport.data.dir"));
        assertThat(Files.exists(dataDir.resolve("db").resolve("rapport.mv.db"))).as("H2 file under %s", dataDir).isTrue();
    }

    @Test
    void liveWhileDeployed() {
        JsonObject health = Poll.until(TIMEOUT, () -> health("live"), HealthIT::isUp);

        assertThat(check(health, "rapport").getString("status")).isEqualTo("UP");
    }

    @Test
    void theMetricsCountInfrastructureRetriesAndWaitingFilesWithoutTheDatabase() throws Exception {
        URI uri = URI.create("http://" + application.getHost() + ":" + System.getProperty("rapport.it.management.port")
                + "/metrics");
        String metrics = Poll.until(TIMEOUT, () -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body(),
                body -> body.contains("rapport_infrastructure_retries"));

        assertThat(metrics).containsPattern("rapport_infrastructure_retries\\{[^}]*area=\"intake\"[^}]*} \\d")
                .containsPattern("rapport_infrastructure_retries\\{[^}]*area=\"run\"[^}]*} \\d")
                .containsPattern("rapport_intake_waiting_files(\\{[^}]*})? 0");
    }

    private JsonObject health(String kind) throws Exception {
        URI uri = URI.create("http://" + application.getHost() + ":" + System.getProperty("rapport.it.management.port")
                + "/health/" + kind);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // 200 when UP, 503 when DOWN; both carry the JSON report
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static boolean isUp(JsonObject health) {
        return "UP".equals(health.getString("status", null));
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
