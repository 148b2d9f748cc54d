package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;

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

    private static final String JSON = "application/json";

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

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aBrokenDraftIsExplainedWithFileAndLineAndCanNeverBecomeActive() throws Exception {
        JsonObject active = activeVersion(new ApiClient(application));

        ApiClient api = new ApiClient(application);
        HttpResponse<String> created = api.post("api/rulesets", JSON, BROKEN_DRAFT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int draft = ApiClient.read(created.body()).asJsonObject().getInt("id");

        JsonObject problem = ApiClient.read(api.post("api/rulesets/" + draft + "/validate", JSON, "").body())
                .asJsonArray().getJsonObject(0);
        assertThat(problem.getString("file")).isEqualTo("typo.drl");
        assertThat(problem.getInt("line")).isEqualTo(4);

        HttpResponse<String> refused = api.post("api/rulesets/" + draft + "/activate", JSON, "{\"comment\": \"go\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("does not compile");
        assertThat(activeVersion(api).getInt("id")).isEqualTo(active.getInt("id"));
    }

    private static JsonObject activeVersion(ApiClient api) throws Exception {
        return api.json("api/rulesets").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getString("status").equals("ACTIVE")).findFirst().orElseThrow();
    }
}
