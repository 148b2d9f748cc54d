package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The strategy team's rule lifecycle over the API: a broken draft is explained and never goes live. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RuleLifecycleIT {

    private static final String BROKEN_DRAFT = Json.createObjectBuilder()
            .add("label", "typo")
            .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("name", "typo.drl")
                    .add("text", """
                            package org.rapport.rules
                            rule "A rule with a typo"
                            when
                                $kpi : Kpi( code == "NPS" &&& )
                            then
                            end
                            """)))
            .build().toString();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aBrokenDraftIsExplainedWithFileAndLineAndCanNeverBecomeActive() throws Exception {
        JsonObject active = activeVersion();

        HttpResponse<String> created = send("POST", "api/rulesets", BROKEN_DRAFT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int draft = read(created.body()).asJsonObject().getInt("id");

        JsonObject problem = read(send("POST", "api/rulesets/" + draft + "/validate", "").body())
                .asJsonArray().getJsonObject(0);
        assertThat(problem.getString("file")).isEqualTo("typo.drl");
        assertThat(problem.getInt("line")).isEqualTo(4);

        HttpResponse<String> refused = send("POST", "api/rulesets/" + draft + "/activate", "{\"comment\": \"go\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("does not compile");
        assertThat(activeVersion().getInt("id")).isEqualTo(active.getInt("id"));
    }

    private JsonObject activeVersion() throws Exception {
        return read(send("GET", "api/rulesets", null).body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getString("status").equals("ACTIVE")).findFirst().orElseThrow();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application + path))
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
