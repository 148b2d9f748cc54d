package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rule author or a source definition writes cannot reach outside Rapport, on the real server
 * and over REST, signed in with the role that may make the change: each attempt is refused naming the
 * file and line or field, and the test proves it had no effect (no marker file, no connection to a
 * listening socket, the active rule set and the sources as they were).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfinementIT {

    private static final String JSON = "application/json";

    @ArquillianResource
    private URL application;

    @TempDir
    Path scratch;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void ruleMetadataThatWouldRunACommandIsRefusedBeforeAnythingRunsAndNeverBecomesActive() throws Exception {
        ApiClient strategist = new ApiClient(application, TestUsers.STRATEGY, TestUsers.password(TestUsers.STRATEGY));
        JsonObject active = activeVersion(strategist);
        Path marker = scratch.resolve("metadata-ran");

        int draft = draft(strategist, "metadata.drl", """
                package org.rapport.rules
                rule "Looks harmless"
                @note(Runtime.getRuntime().exec(new String[] {"touch", "%s"}))
                when
                    $kpi : Kpi( code == "NPS" )
                then
                end
                """.formatted(marker));

        HttpResponse<String> validated = strategist.post("api/rulesets/" + draft + "/validate", JSON, "");
        JsonObject problem = ApiClient.read(validated.body()).asJsonObject().getJsonArray("problems").getJsonObject(0);
        assertThat(problem.getString("file")).isEqualTo("metadata.drl");
        assertThat(problem.getInt("line")).isEqualTo(3);
        assertThat(problem.getString("text")).startsWith("Sandbox:");
        assertThat(strategist.get("api/rulesets/" + draft + "/dry-run").statusCode()).isEqualTo(409);
        assertThat(strategist.post("api/rulesets/" + draft + "/activate", JSON, "{\"comment\": \"go\"}").statusCode())
                .isEqualTo(409);

        assertThat(marker).doesNotExist();
        assertThat(activeVersion(strategist).getInt("id")).isEqualTo(active.getInt("id"));
    }

    @Test
    void aConsequenceThatWouldLoopForeverOrOpenAConnectionIsRefusedAndTheServerAnswersOn() throws Exception {
        ApiClient strategist = new ApiClient(application, TestUsers.STRATEGY, TestUsers.password(TestUsers.STRATEGY));
        try (ServerSocket listening = new ServerSocket(0)) {
            listening.setSoTimeout(1);
            int draft = draft(strategist, "escape.drl", """
                    package org.rapport.rules
                    rule "Spins"
                    when
                        $kpi : Kpi( code == "NPS" )
                    then
                        while (true) { }
                    end
                    rule "Calls out"
                    when
                        $kpi : Kpi( code == "CSAT" )
                    then
                        new java.net.Socket("127.0.0.1", %d);
                    end
                    """.formatted(listening.getLocalPort()));

            HttpResponse<String> validated = strategist.post("api/rulesets/" + draft + "/validate", JSON, "");
            List<JsonObject> problems = ApiClient.read(validated.body()).asJsonObject().getJsonArray("problems")
                    .getValuesAs(JsonObject.class);
            assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.getString("file")).isEqualTo("escape.drl"));
            assertThat(strategist.get("api/rulesets/" + draft + "/dry-run").statusCode()).isEqualTo(409);

            assertThat(nothingConnected(listening)).isTrue();
            assertThat(strategist.get("api/kpis").statusCode()).as("the server answers on").isEqualTo(200);
        }
    }

    @Test
    void sourcesThatWouldReadOutsideTheirRootsRapportsOwnDatabaseOrAnUnlistedHostAreRefusedNamingTheField() throws Exception {
        ApiClient integrator = new ApiClient(application, TestUsers.INTEGRATION, TestUsers.password(TestUsers.INTEGRATION));
        String before = integrator.json("api/sources").toString();
        try (ServerSocket unlisted = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.2"))) {
            unlisted.setSoTimeout(1);

            assertRefused(integrator, "etc", "transport.directory", """
                    {"name": "etc", "kind": "purchases", "format": "canonical-csv", "timeZone": "UTC",
                     "transport": {"type": "file", "directory": "/etc"}}""");
            assertRefused(integrator, "own-db", "transport.dataSource", """
                    {"name": "own-db", "kind": "customers", "format": "generic-csv", "timeZone": "UTC",
                     "transport": {"type": "jdbc", "dataSource": "java:jboss/datasources/RapportDS",
                                   "query": "select file_read('/etc/passwd') as customer_id"}}""");
            assertRefused(integrator, "elsewhere", "transport.url", """
                    {"name": "elsewhere", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                     "transport": {"type": "http", "url": "http://127.0.0.2:%d/answers"},
                     "fields": {"response_id": "id", "customer_id": "customer", "responded_at": "at", "nps": "nps"}}"""
                    .formatted(unlisted.getLocalPort()));

            assertThat(nothingConnected(unlisted)).isTrue();
        }
        assertThat(Files.exists(Path.of("/etc/passwd"))).isTrue();
        assertThat(integrator.json("api/sources").toString()).isEqualTo(before);
    }

    private static void assertRefused(ApiClient api, String name, String field, String definition) throws Exception {
        HttpResponse<String> refused = api.put("api/sources/" + name, JSON, definition);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonObject problem = ApiClient.read(refused.body()).asJsonObject().getJsonArray("problems").getJsonObject(0);
        assertThat(problem.getString("file")).endsWith(name + ".json");
        assertThat(problem.getString("field")).isEqualTo(field);
        assertThat(api.get("api/sources/" + name).statusCode()).isEqualTo(404);
    }

    private static boolean nothingConnected(ServerSocket socket) throws Exception {
        try (var ignored = socket.accept()) {
            return false;
        } catch (SocketTimeoutException none) {
            return true;
        }
    }

    private static int draft(ApiClient api, String file, String text) throws Exception {
        String body = Json.createObjectBuilder().add("label", "escape attempt")
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", file).add("text", text)))
                .build().toString();
        HttpResponse<String> created = api.post("api/rulesets", JSON, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.read(created.body()).asJsonObject().getInt("id");
    }

    private static JsonObject activeVersion(ApiClient api) throws Exception {
        return api.json("api/rulesets").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getString("status").equals("ACTIVE")).findFirst().orElseThrow();
    }
}
