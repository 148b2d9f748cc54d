package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: every REST method of the application, found by reflection, is held to the
 * matrix below, and then called on the real server with no credentials (401), by a user of each role
 * alone and by a user with no role (403 unless the role is listed; any other answer when it is).
 * A new endpoint that is not in the matrix, or declares other roles than it, fails this test.
 * The calls use ids that do not exist and bodies that are not valid, so that a permitted call is
 * refused by the endpoint itself and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {

    static final String ANY_SIGNED_IN = "any signed-in user";
    private static final Set<String> READERS = Set.of("board", "strategy", "admin");

    /** The declaration: "METHOD path" → roles that may call it. */
    private static final Map<String, Set<String>> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("GET api/runs", READERS),
            Map.entry("GET api/runs/{id}", READERS),
            Map.entry("GET api/runs/{id}/kpis", READERS),
            Map.entry("GET api/runs/{id}/kpis/{code}/breakdowns", READERS),
            Map.entry("GET api/runs/{id}/pack", READERS),
            Map.entry("GET api/runs/{id}/pack/again", READERS),
            Map.entry("GET api/runs/{id}/request-themes", READERS),
            Map.entry("GET api/runs/{id}/snapshot", READERS),
            Map.entry("GET api/runs/{id}/deliveries", READERS),
            Map.entry("GET api/runs/{id}/replay", Set.of("strategy", "admin")),
            Map.entry("GET api/runs/{id}/action-exports", Set.of("strategy", "admin")),
            Map.entry("POST api/runs", Set.of("admin")),
            Map.entry("POST api/runs/{id}/force", Set.of("admin")),
            Map.entry("GET api/readiness/{month}", Set.of("board", "integration", "admin")),
            Map.entry("PUT api/readiness/{month}/sources/{source:.+}", Set.of("integration", "admin")),
            Map.entry("DELETE api/readiness/{month}/sources/{source:.+}", Set.of("integration", "admin")),
            Map.entry("GET api/runs/{runId}/triggers", READERS),
            Map.entry("GET api/runs/{runId}/triggers/{triggerId}", READERS),
            Map.entry("GET api/runs/{runId}/triggers/{triggerId}/history", READERS),
            Map.entry("PUT api/runs/{runId}/triggers/{triggerId}/status", Set.of("strategy")),
            Map.entry("POST api/runs/{runId}/triggers/{triggerId}/status", Set.of("strategy")),
            Map.entry("GET api/kpis", Set.of("board", "strategy", "integration", "admin")),
            Map.entry("GET api/rulesets", Set.of("strategy")),
            Map.entry("GET api/rulesets/{id}", Set.of("strategy")),
            Map.entry("GET api/rulesets/{id}/files/{name}", Set.of("strategy")),
            Map.entry("GET api/rulesets/activations", Set.of("strategy")),
            Map.entry("GET api/rulesets/{id}/dry-run", Set.of("strategy")),
            Map.entry("GET api/rulesets/{id}/dry-run/months", Set.of("strategy")),
            Map.entry("GET api/rulesets/{id}/changes", Set.of("strategy")),
            Map.entry("PUT api/rulesets/{id}/files/{name}", Set.of("strategy")),
            Map.entry("DELETE api/rulesets/{id}/files/{name}", Set.of("strategy")),
            Map.entry("POST api/rulesets", Set.of("strategy")),
            Map.entry("POST api/rulesets/{id}/validate", Set.of("strategy")),
            Map.entry("POST api/rulesets/{id}/activate", Set.of("strategy")),
            Map.entry("GET api/sources", Set.of("integration")),
            Map.entry("GET api/sources/{name}", Set.of("integration")),
            Map.entry("PUT api/sources/{name}", Set.of("integration")),
            Map.entry("POST api/sources/{name}/try", Set.of("integration")),
            Map.entry("GET api/source-guide", Set.of("integration")),
            Map.entry("DELETE api/sources/{name}", Set.of("integration")),
            Map.entry("GET api/intake/batches", Set.of("integration", "admin")),
            Map.entry("GET api/intake/health", Set.of("integration", "admin")),
            Map.entry("GET api/intake/quarantine", Set.of("integration")),
            Map.entry("POST api/intake/batches/{id}/replay", Set.of("integration")),
            Map.entry("POST api/intake/batches/{id}/discard", Set.of("integration")),
            Map.entry("GET api/distribution/recipients", Set.of("admin")),
            Map.entry("POST api/distribution/recipients", Set.of("admin")),
            Map.entry("DELETE api/distribution/recipients/{address}", Set.of("admin")),
            Map.entry("GET api/distribution/history", Set.of("admin")),
            Map.entry("GET api/distribution/runs/{id}", Set.of("admin")),
            Map.entry("GET api/schedule", Set.of("admin")),
            Map.entry("GET api/audit", Set.of("admin")),
            Map.entry("GET api/users", Set.of("admin")),
            Map.entry("PUT api/users/{name}/roles", Set.of("admin")),
            Map.entry("GET api/session", Set.of(ANY_SIGNED_IN)),
            Map.entry("POST api/session", Set.of(ANY_SIGNED_IN)),
            Map.entry("DELETE api/session", Set.of(ANY_SIGNED_IN))));

    private static final Map<String, String> PATH_VALUES = Map.of("{id}", "987654", "{runId}", "987654",
            "{triggerId}", "987654", "{code}", "NPS", "{name}", "no-such-thing", "{address}", "nobody-987654@rapport.test",
            "{month}", "2026-10", "{source:.+}", "no-such-source");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void everyRestMethodDeclaresExactlyTheRolesOfTheMatrix() throws Exception {
        Map<String, Set<String>> declared = declaredEndpoints();

        assertThat(declared.keySet()).as("REST methods of the application").containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        declared.forEach((endpoint, roles) -> assertThat(roles).as(endpoint).isEqualTo(MATRIX.get(endpoint)));
    }

    @Test
    void theServerAnswersEachRoleAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> endpoint : MATRIX.entrySet()) {
            String method = endpoint.getKey().split(" ")[0];
            String path = endpoint.getKey().split(" ")[1];
            Set<String> allowed = endpoint.getValue();

            expect(wrong, endpoint.getKey(), "nobody", call(method, path, null), 401);
            for (String role : TestUsers.BY_ROLE.keySet()) {
                int status = call(method, path, TestUsers.BY_ROLE.get(role));
                if (allowed.contains(role) || allowed.contains(ANY_SIGNED_IN)) {
                    if (status == 401 || status == 403) {
                        wrong.add(endpoint.getKey() + " as " + role + ": " + status + ", expected to be let in");
                    }
                } else {
                    expect(wrong, endpoint.getKey(), role, status, 403);
                }
            }
            int noRole = call(method, path, TestUsers.NO_ROLE);
            if (allowed.contains(ANY_SIGNED_IN)) {
                if (noRole == 401 || noRole == 403) {
                    wrong.add(endpoint.getKey() + " as a user with no role: " + noRole + ", expected to be let in");
                }
            } else {
                expect(wrong, endpoint.getKey(), "a user with no role", noRole, 403);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String endpoint, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(endpoint + " as " + who + ": " + status + ", expected " + expected);
        }
    }

    private int call(String method, String path, String user) throws Exception {
        String concrete = path;
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            concrete = concrete.replace(value.getKey(), value.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application + concrete))
                .timeout(Duration.ofSeconds(60)).header("X-Requested-With", "rapport-it");
        if (user != null) {
            request.header("Authorization", TestUsers.basic(user));
        }
        HttpRequest.BodyPublisher emptyObject = HttpRequest.BodyPublishers.ofString("{}");
        switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", "application/json").method(method, emptyObject);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** "METHOD path" → roles, read from the annotations of every resource class the war contains. */
    static Map<String, Set<String>> declaredEndpoints() throws Exception {
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            String base = "api/" + trim(resource.getAnnotation(jakarta.ws.rs.Path.class).value());
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, DELETE.class)
                        .filter(method::isAnnotationPresent).map(Class::getSimpleName).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = sub == null ? base : base + "/" + trim(sub.value());
                endpoints.put(verb + " " + path, roles(resource, method));
            }
        }
        return endpoints;
    }

    private static Set<String> roles(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of(ANY_SIGNED_IN);
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return roles == null ? Set.of("NOT DECLARED") : Set.of(roles.value());
    }

    /** The war's own classes (target/classes) annotated with @Path. */
    private static List<Class<?>> resourceClasses() throws Exception {
        Path classes = Path.of(RoleMatrixIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, RoleMatrixIT.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertThat(resources).as("resource classes under " + classes).hasSizeGreaterThan(8);
        return resources;
    }

    private static String trim(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
