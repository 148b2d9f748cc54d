package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The strategy team's rule lifecycle over the API: a draft starts as a copy of the active set, is validated and dry
 * run over the published months, goes live with a comment and is rolled back; a broken draft is explained and never
 * goes live, and every refusal leaves the active set as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RuleLifecycleIT {

    private static final String JSON = "application/json";
    private static final String TARGETS = "kpi-targets.drl.csv";

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
    void aDraftFromTheActiveSetWithOneTableReplacedIsValidatedDryRunActivatedWithACommentAndRolledBack() throws Exception {
        ApiClient strategist = new ApiClient(application, TestUsers.STRATEGY, TestUsers.password(TestUsers.STRATEGY));
        JsonObject active = activeVersion(strategist);
        String targets = new String(strategist.getBytes("api/rulesets/" + active.getInt("id") + "/files/" + TARGETS).body(),
                StandardCharsets.UTF_8);
        assertThat(targets).contains("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"");

        HttpResponse<String> created = strategist.post("api/rulesets", JSON, Json.createObjectBuilder()
                .add("label", "NPS amber from 15")
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", TARGETS)
                        .add("text", targets.replace("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"",
                                "\"NPS\",\"HIGHER_IS_BETTER\",\"15\",\"30\""))))
                .build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject draft = ApiClient.read(created.body()).asJsonObject();
        int draftId = draft.getInt("id");
        assertThat(draft.getInt("basedOn")).isEqualTo(active.getInt("id"));
        assertThat(strings(draft, "files")).as("a copy of the active set, file for file")
                .containsExactlyInAnyOrderElementsOf(strings(active, "files"));
        JsonObject changes = strategist.json("api/rulesets/" + draftId + "/changes").asJsonObject();
        assertThat(strings(changes, "changed")).containsExactly(TARGETS);
        assertThat(strings(changes, "added")).isEmpty();
        assertThat(strings(changes, "removed")).isEmpty();

        JsonObject validation = ApiClient.read(strategist.post("api/rulesets/" + draftId + "/validate", JSON, "").body())
                .asJsonObject();
        assertThat(validation.getBoolean("valid")).as(validation.toString()).isTrue();
        assertThat(validation.getString("status")).isEqualTo("VALIDATED");
        assertThat(validation.getJsonArray("problems")).isEmpty();
        assertThat(validation.getJsonArray("warnings")).as("nothing dropped").isEmpty();
        assertThat(validation.getJsonArray("scenarios").getValuesAs(JsonObject.class)).isNotEmpty()
                .allSatisfy(scenario -> assertThat(scenario.getBoolean("passed")).isTrue());

        JsonObject year = strategist.json("api/rulesets/" + draftId + "/dry-run/months?months=12").asJsonObject();
        assertThat(year.getString("version")).startsWith("v" + draftId + " NPS amber from 15");
        assertThat(year.getString("against")).startsWith("v" + active.getInt("id") + " ");
        List<JsonObject> months = year.getJsonArray("months").getValuesAs(JsonObject.class);
        assertThat(months).hasSizeLessThanOrEqualTo(12).allSatisfy(month -> {
            assertThat(month.getString("month")).matches("\\d{4}-\\d{2}");
            // only NPS's amber limit moved: nothing else can be graded differently
            assertThat(month.getJsonArray("ragChanges").getValuesAs(JsonObject.class))
                    .allSatisfy(change -> assertThat(change.getString("code")).isEqualTo("NPS"));
        });
        assertThat(strings(year, "kpis")).isSubsetOf("NPS");

        HttpResponse<String> live = strategist.post("api/rulesets/" + draftId + "/activate", JSON,
                "{\"comment\": \"Amber from 15: the board asked for earlier warning\"}");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        JsonObject activated = ApiClient.read(live.body()).asJsonObject();
        assertThat(activated.getString("status")).isEqualTo("ACTIVE");
        JsonObject activation = activated.getJsonArray("activations").getJsonObject(0);
        assertThat(activation.getString("by")).isEqualTo(TestUsers.STRATEGY);
        assertThat(activation.getString("comment")).isEqualTo("Amber from 15: the board asked for earlier warning");
        assertThat(activation.getBoolean("rollback")).isFalse();

        HttpResponse<String> back = strategist.post("api/rulesets/" + active.getInt("id") + "/activate", JSON,
                "{\"comment\": \"Back to amber from 10 until the board pack of December\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(activeVersion(strategist).getInt("id")).isEqualTo(active.getInt("id"));
        JsonObject rolledBack = strategist.json("api/rulesets/" + active.getInt("id")).asJsonObject()
                .getJsonArray("activations").getJsonObject(0);
        assertThat(rolledBack.getBoolean("rollback")).isTrue();
        assertThat(rolledBack.getString("comment")).isEqualTo("Back to amber from 10 until the board pack of December");
        assertThat(strategist.json("api/rulesets/" + draftId).asJsonObject().getString("status")).isEqualTo("RETIRED");
    }

    @Test
    void aBrokenDraftIsExplainedWithFileAndLineItsDryRunAnswersWithItsProblemsAndItCanNeverBecomeActive() throws Exception {
        JsonObject active = activeVersion(new ApiClient(application));

        ApiClient api = new ApiClient(application);
        HttpResponse<String> created = api.post("api/rulesets", JSON, BROKEN_DRAFT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int draft = ApiClient.read(created.body()).asJsonObject().getInt("id");

        JsonObject validation = ApiClient.read(api.post("api/rulesets/" + draft + "/validate", JSON, "").body()).asJsonObject();
        assertThat(validation.getBoolean("valid")).isFalse();
        JsonObject problem = validation.getJsonArray("problems").getJsonObject(0);
        assertThat(problem.getString("file")).isEqualTo("typo.drl");
        assertThat(problem.getInt("line")).isEqualTo(4);

        for (String dryRun : List.of("/dry-run", "/dry-run/months")) {
            HttpResponse<String> refused = api.get("api/rulesets/" + draft + dryRun);
            assertThat(refused.statusCode()).as(dryRun + ": " + refused.body()).isEqualTo(409);
            JsonObject reasons = ApiClient.read(refused.body()).asJsonObject();
            assertThat(reasons.getString("reason")).isEqualTo("The version does not compile");
            assertThat(reasons.getJsonArray("messages").getJsonObject(0).getString("file")).isEqualTo("typo.drl");
        }

        HttpResponse<String> refused = api.post("api/rulesets/" + draft + "/activate", JSON, "{\"comment\": \"go\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("does not compile");
        assertThat(activeVersion(api).getInt("id")).isEqualTo(active.getInt("id"));
    }

    @Test
    void refusalsSayWhyAndLeaveTheActiveSetAsItWas() throws Exception {
        ApiClient strategist = new ApiClient(application, TestUsers.STRATEGY, TestUsers.password(TestUsers.STRATEGY));
        JsonObject active = activeVersion(strategist);
        int activeId = active.getInt("id");

        HttpResponse<String> list = strategist.post("api/rulesets", JSON, Json.createObjectBuilder()
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "ruleset.txt")
                        .add("text", TARGETS + "\n"))).build().toString());
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("leave ruleset.txt out");

        HttpResponse<String> misspelt = strategist.post("api/rulesets", JSON, Json.createObjectBuilder()
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "high-value.drl")
                        .add("text", """
                                package org.rapport.rules
                                import org.rapport.rules.facts.Kpi
                                import org.rapport.rules.facts.Rag
                                rule "High-value customers unhappy"
                                when
                                    Kpi( code == "NPS", dimension == "value_band:high", rag == Rag.RED )
                                then
                                end
                                """))).build().toString());
        int draft = ApiClient.read(misspelt.body()).asJsonObject().getInt("id");
        JsonObject problem = ApiClient.read(strategist.post("api/rulesets/" + draft + "/validate", JSON, "").body())
                .asJsonObject().getJsonArray("problems").getJsonObject(0);
        assertThat(problem.getString("file")).isEqualTo("high-value.drl");
        assertThat(problem.getInt("line")).isEqualTo(6);
        assertThat(problem.getString("text")).contains("write value_band=high");

        HttpResponse<String> noComment = strategist.post("api/rulesets/" + draft + "/activate", JSON, "{}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        HttpResponse<String> editActive = strategist.put("api/rulesets/" + activeId + "/files/" + TARGETS, JSON,
                "{\"text\": \"anything\"}");
        assertThat(editActive.statusCode()).isEqualTo(409);
        assertThat(editActive.body()).contains("only a draft is edited");

        assertThat(activeVersion(strategist).getInt("id")).isEqualTo(activeId);
        assertThat(activeVersion(strategist).getString("checksum")).isEqualTo(active.getString("checksum"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject activeVersion(ApiClient api) throws Exception {
        return api.json("api/rulesets").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getString("status").equals("ACTIVE")).findFirst().orElseThrow();
    }
}
