package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonArray;
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
 * The OpenAPI document WildFly publishes at {@code /openapi}: it describes the REST API, and names for each
 * operation the roles that may call it — the same roles the server enforces ({@code RoleMatrixIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    /**
     * Every operation of the document names its roles, and they are the {@code @RolesAllowed} of its method
     * (an operation any signed-in user may call names the scheme with no role); every REST method is in the
     * document.
     */
    @Test
    void everyOperationNamesTheRolesItsMethodDeclares() throws Exception {
        JsonObject openApi = document();
        Map<String, Set<String>> declared = new TreeMap<>();
        RoleMatrixIT.declaredEndpoints().forEach((endpoint, roles) -> declared.put(
                endpoint.replaceAll(":[^}]+}", "}").replace(" api/", " /api/"),
                roles.contains(RoleMatrixIT.ANY_SIGNED_IN) ? Set.of() : roles));

        Map<String, Set<String>> described = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        openApi.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().forEach((method, value) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            String operation = method.toUpperCase(Locale.ROOT) + " " + path.substring(path.indexOf("/api/"));
            JsonArray security = value.asJsonObject().getJsonArray("security");
            if (security == null || security.isEmpty() || !security.getJsonObject(0).containsKey("rapport")) {
                unnamed.add(operation);
                return;
            }
            described.put(operation, Set.copyOf(security.getJsonObject(0).getJsonArray("rapport")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        }));

        assertThat(unnamed).as("operations that do not name who may call them").isEmpty();
        assertThat(described).as("roles in the document against @RolesAllowed").isEqualTo(declared);
    }

    @Test
    void theDocumentNamesTheRolesOfEachOperation() throws Exception {
        JsonObject openApi = document();

        assertThat(openApi.getJsonObject("info").getString("title")).isEqualTo("Rapport REST API");
        Map<String, String> expected = Map.of(
                "/api/rulesets/{id}/activate post", "[strategy]",
                "/api/runs/{id}/snapshot get", "[board, strategy, admin]",
                "/api/intake/batches/{id}/replay post", "[integration]",
                "/api/distribution/recipients get", "[admin]");
        expected.forEach((operation, roles) -> {
            String path = operation.substring(0, operation.indexOf(' '));
            String method = operation.substring(operation.indexOf(' ') + 1);
            JsonObject described = openApi.getJsonObject("paths").entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith(path)).map(entry -> entry.getValue().asJsonObject())
                    .findFirst().orElseThrow(() -> new AssertionError("no path ending in " + path));
            assertThat(described.getJsonObject(method).getJsonArray("security").getJsonObject(0).getJsonArray("rapport")
                    .getValuesAs(JsonString.class)).extracting(JsonString::getString).as(operation)
                    .containsExactlyInAnyOrderElementsOf(java.util.List.of(roles.substring(1, roles.length() - 1).split(", ")));
        });
    }

    private JsonObject document() throws Exception {
        URI document = URI.create(application.getProtocol() + "://" + application.getHost() + ":" + application.getPort()
                + "/openapi?format=JSON");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(document).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.read(response.body()).asJsonObject();
    }
}
