package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

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
 * Redeploying Rapport leaves no copy of it behind: an operator who redeploys it again and again, as the test suite
 * does some twenty times on one server, must not see the server run out of memory. Rapport is deployed, made to
 * compile and run its rule set (which starts Drools' thread pools), and undeployed, several times over on a server of
 * its own ({@code wildfly-redeploy}); then the class loaders of the undeployed copies that the server still holds are
 * counted, after a garbage collection, with the JDK's {@code jcmd}.
 *
 * <p>A few may stay, and always the same few however often Rapport is redeployed: an idle thread of WildFly's own
 * pools (web requests, EJB timers) keeps the last task it ran, and with it the copy that task came from, until it runs
 * the next one, and the embedded database's background thread keeps the copy that opened the database. A copy held by
 * something that never lets go — a thread Rapport or a library it ships started and did not stop — adds one per
 * redeployment, and the count passes that bound. The server clears soft references at every collection
 * ({@code -XX:SoftRefLRUPolicyMSPerMB=0}), so that caches it would drop before running out of memory are not counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeploymentIT {

    private static final String CONTAINER = "wildfly-redeploy";
    private static final String DEPLOYMENT = "rapport-redeployed";
    /** The offset arquillian.xml gives that server. */
    private static final int PORT_OFFSET = 760;
    private static final int REDEPLOYMENTS = 6;
    /** What WildFly's idle threads and the database's thread may hold at most (see the class comment). */
    private static final int HELD_BY_THE_SERVER = 4;
    private static final Duration LET_GO = Duration.ofMinutes(2);

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
    void undeployedCopiesOfRapportAreLetGoHoweverOftenItIsRedeployed() throws Exception {
        deleteRecursively(Path.of(System.getProperty("rapport.data.dir") + "-redeploy"));
        controller.start(CONTAINER);
        try {
            ProcessHandle server = serverProcess();
            for (int deployment = 1; deployment <= REDEPLOYMENTS; deployment++) {
                deployer.deploy(DEPLOYMENT);
                validateActiveRuleSet();
                deployer.undeploy(DEPLOYMENT);
            }
            long held = Poll.until(LET_GO, () -> liveDeploymentClassLoaders(server), count -> count <= HELD_BY_THE_SERVER);
            assertThat(held).as("class loaders of undeployed copies still held after %s redeployments", REDEPLOYMENTS)
                    .isLessThanOrEqualTo(HELD_BY_THE_SERVER);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    /** Compiles the active rule set and runs its scenarios: Drools' compiler pool and worker pool start. */
    private void validateActiveRuleSet() throws Exception {
        JsonObject active = api.json("api/rulesets").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getString("status").equals("ACTIVE")).findFirst().orElseThrow();
        HttpResponse<String> validation = api.post("api/rulesets/" + active.getInt("id") + "/validate",
                "application/json", "");
        assertThat(validation.statusCode()).as(validation.body()).isEqualTo(200);
        assertThat(ApiClient.read(validation.body()).asJsonObject().getBoolean("valid")).isTrue();
    }

    /** How many class loaders of Rapport deployments the server holds after a full garbage collection. */
    private static long liveDeploymentClassLoaders(ProcessHandle server) throws Exception {
        jcmd(server, "GC.run");
        return jcmd(server, "VM.classloaders").stream().filter(line -> line.contains("\"deployment.")).count();
    }

    private static List<String> jcmd(ProcessHandle server, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), command)
                .redirectErrorStream(true).start();
        List<String> lines;
        try (var output = process.getInputStream()) {
            lines = new String(output.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jcmd %s finished", command).isTrue();
        assertThat(process.exitValue()).as("jcmd %s: %s", command, lines).isZero();
        return lines;
    }

    private static ProcessHandle serverProcess() {
        String marker = "-Djboss.socket.binding.port-offset=" + PORT_OFFSET;
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
        assertThat(servers).as("the redeploy server's process").hasSize(1);
        return servers.get(0);
    }

    private static URL application() {
        try {
            return new URL("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/rapport/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
}
