package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A monthly run survives its server being killed: the server (a second WildFly of its own, so the
 * other tests' server is never touched) is killed with SIGKILL while the run is in the middle of a
 * step, and after a restart the run carries on from its last checkpoint to one published pack, with
 * no step's results doubled and the pack sent once.
 *
 * <p>The run is caught mid-step without guessing at timing: the SMTP server it distributes through
 * first accepts the connection and then says nothing, as a hung mail relay does, so the DISTRIBUTE
 * step is certainly in progress when the kill lands. After the restart a real SMTP server (GreenMail)
 * listens on that port.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunSurvivesServerKillIT {

    private static final String CONTAINER = "wildfly-restartable";
    private static final String DEPLOYMENT = "rapport-restartable";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String TEXT = "text/plain";

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    private final Path dataDir = Path.of(System.getProperty("rapport.it.restartable.data.dir"));
    private final int smtpPort = Integer.getInteger("rapport.it.restartable.smtp.port");
    private final ApiClient api = new ApiClient(application());

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    private String publishedAt;

    @Test
    void aRunKilledMidStepResumesAfterRestartToOnePublishedPackSentOnce() throws Exception {
        try (SilentSmtpServer hungRelay = new SilentSmtpServer(smtpPort)) {
            startAndDeploy();
            assertThat(api.post("api/distribution/recipients", "application/json", "{\"address\": \"cco@rapport.test\"}").statusCode()).isEqualTo(204);
            OctoberFixture.deliverAll(dataDir);
            OctoberFixture.closeOctober(api);

            JsonObject stuck = Poll.until(TIMEOUT, () -> runOf("2026-10"),
                    run -> run != null && "DISTRIBUTE".equals(run.getString("currentStep", null))
                            && hungRelay.connections() > 0);
            // the pack is published before it is sent; the checkpoint is the last completed step
            assertThat(stuck.getString("completedStep")).isEqualTo("PUBLISH");
            publishedAt = stuck.getString("finishedAt");
            killServer();
        }

        GreenMail relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        try {
            startAndDeploy();
            JsonObject published = Poll.until(TIMEOUT, () -> runOf("2026-10"),
                    run -> run != null && "PUBLISHED".equals(run.getString("status"))
                            && "DISTRIBUTE".equals(run.getString("completedStep", null)));

            int runId = published.getInt("id");
            // a commit acknowledged before the kill survived it: PUBLISH was not done a second time
            assertThat(published.getString("finishedAt")).isEqualTo(publishedAt);
            assertThat(api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class))
                    .filteredOn(run -> run.getString("month").equals("2026-10")).hasSize(1);
            assertOneValuePerKpiAndDimension(runId);
            // the first data an installation receives runs its latest months too: count October's packs only
            assertThat(relay.getReceivedMessages()).filteredOn(message -> subjectOf(message).contains("October 2026"))
                    .hasSize(1);
            JsonArray deliveries = api.json("api/distribution/runs/" + runId).asJsonArray();
            assertThat(deliveries.getValuesAs(JsonObject.class)).singleElement()
                    .satisfies(delivery -> assertThat(delivery.getString("status")).isEqualTo("SENT"));
            assertThat(api.getBytes("api/runs/" + runId + "/pack").statusCode()).isEqualTo(200);
            assertThat(api.json("api/runs/" + runId).asJsonObject().getJsonArray("sourceBatches")).hasSize(4);
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
            relay.stop();
        }
    }

    /** The hand-worked figures, each once: a redone step replaced its results rather than adding to them. */
    private void assertOneValuePerKpiAndDimension(int runId) throws Exception {
        List<JsonObject> kpis = api.json("api/runs/" + runId + "/kpis").asJsonArray().getValuesAs(JsonObject.class);
        Map<String, Long> counts = kpis.stream().collect(Collectors.groupingBy(
                kpi -> kpi.getString("code") + "/" + kpi.getString("dimension"), Collectors.counting()));
        assertThat(counts).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        Map<String, JsonObject> overall = kpis.stream().filter(kpi -> kpi.getString("dimension").equals("overall"))
                .collect(Collectors.toMap(kpi -> kpi.getString("code"), Function.identity()));
        assertThat(overall.get("NPS").getJsonNumber("value").doubleValue()).isEqualTo(25.0);
        assertThat(overall.get("CHURN_RATE").getJsonNumber("value").doubleValue()).isEqualTo(25.0);
    }

    private void startAndDeploy() {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
    }

    /** SIGKILL, as the operating system's OOM killer or a pulled plug would: no shutdown hook runs. */
    private void killServer() {
        String marker = "-Drapport.data.dir=" + dataDir;
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
        assertThat(servers).as("the restartable server's process").hasSize(1);
        ProcessHandle server = servers.get(0);
        server.destroyForcibly();
        server.onExit().join();
        // Arquillian still thinks it runs: let it tidy up its handle on the dead process.
        controller.kill(CONTAINER);
    }

    private JsonObject runOf(String month) throws Exception {
        return api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(run -> run.getString("month").equals(month)).findFirst().orElse(null);
    }

    private static URL application() {
        try {
            int offset = Integer.getInteger("rapport.it.restartable.port.offset");
            return new URL("http://127.0.0.1:" + (8080 + offset) + "/rapport/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts SMTP connections and never answers, like a relay that hangs. */
    private static final class SilentSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentSmtpServer(int port) throws IOException {
            socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::acceptAll, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int connections() {
            return accepted.size();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
