package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every JSON endpoint of the API, walked on the real server once a month has been published (so the ledger,
 * quarantine, runs, action points and audit hold times): no time is an array or a number, every one is an
 * ISO-8601 string.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDatesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** The collections and singletons that need no id. */
    private static final List<String> FIXED = List.of("api/runs", "api/kpis", "api/intake/batches",
            "api/intake/quarantine", "api/intake/health", "api/audit", "api/distribution/recipients",
            "api/distribution/history", "api/rulesets", "api/rulesets/activations", "api/schedule", "api/sources",
            "api/users", "api/session");

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @BeforeAll
    static void deliverOctober() throws IOException {
        OctoberFixture.deliverAll(Path.of(System.getProperty("rapport.data.dir")));
    }

    @Test
    void everyEndpointWritesTimesAsIsoStrings() throws Exception {
        ApiClient api = new ApiClient(application);
        JsonObject run = Poll.until(TIMEOUT, () -> api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("status").equals("PUBLISHED")).findFirst().orElse(null),
                published -> published != null);
        String runPath = "api/runs/" + run.getInt("id");

        List<String> paths = new ArrayList<>(FIXED);
        paths.addAll(List.of(runPath, runPath + "/kpis", runPath + "/kpis/NPS/breakdowns", runPath + "/triggers",
                runPath + "/action-exports", runPath + "/request-themes", runPath + "/replay",
                "api/distribution/runs/" + run.getInt("id")));
        for (JsonObject trigger : api.json(runPath + "/triggers").asJsonArray().getValuesAs(JsonObject.class)) {
            paths.add(runPath + "/triggers/" + trigger.getInt("id"));
            paths.add(runPath + "/triggers/" + trigger.getInt("id") + "/history");
        }
        for (JsonObject version : api.json("api/rulesets").asJsonArray().getValuesAs(JsonObject.class)) {
            paths.add("api/rulesets/" + version.getInt("id"));
        }

        List<String> offences = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            JsonValue json = ApiClient.read(response.body());
            walked.add(path);
            JsonTimes.offences(json).forEach(offence -> offences.add(path + " " + offence));
        }

        assertThat(walked).hasSameSizeAs(paths);
        assertThat(api.json("api/intake/batches").asJsonArray()).as("the walk saw stored times").isNotEmpty();
        assertThat(offences).isEmpty();
    }
}
