package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
import org.rapport.integration.transport.SftpServer;

/**
 * The monthly schedule as the container runs it: a server started after a month fell due (here,
 * always: the test server has never run anything) catches that month up with one scheduled run, which
 * waits, visibly, while no source has delivered the month and is published once the data arrives;
 * started again, it sees the month was run and starts nothing. The daily look is a real EJB timer
 * at 06:00 in the configured zone (UTC here). This server also drops its packs on a real SFTP server
 * (Apache MINA SSHD, started by the test), so the pack of the caught-up month arrives there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScheduledRunIT {

    private static final String CONTAINER = "wildfly-scheduled";
    private static final String DEPLOYMENT = "rapport-scheduled";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    /** Signed in as the admin user this server generated on its first start (it is given no users). */
    private ApiClient api;
    private Map<String, String> firstPasswords;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aMonthThatFellDueWhileTheServerWasDownIsCaughtUpOnceAndNotAgainAfterARestart() throws Exception {
        Path sftpDir = Path.of(System.getProperty("rapport.it.scheduled.sftp.dir"));
        try (SftpServer packDrop = SftpServer.start(Files.createDirectories(sftpDir.resolve("root")),
                Files.createDirectories(sftpDir.resolve("state")), Integer.getInteger("rapport.it.scheduled.sftp.port"))) {
            packDrop.knownHosts(sftpDir.resolve("known_hosts"));
            catchUpOnceAndNotAgain(sftpDir.resolve("root"));
        }
    }

    private void catchUpOnceAndNotAgain(Path sftpRoot) throws Exception {
        startAndDeploy();
        try {
            JsonObject schedule = api.json("api/schedule").asJsonObject();
            assertThat(schedule.getBoolean("enabled")).isTrue();
            assertThat(schedule.getString("zone")).isEqualTo("UTC");
            assertThat(Instant.parse(schedule.getString("nextLookAt"))).isEqualTo(nextSixOClockUtc());
            YearMonth dueMonth = YearMonth.parse(schedule.getString("nextMonth")).minusMonths(1);

            // nothing has been delivered for the month: the caught-up run waits, saying why, and publishes nothing
            JsonObject waiting = Poll.until(TIMEOUT, () -> scheduledRuns(),
                    runs -> runs.size() == 1 && "WAITING_FOR_DATA".equals(runs.get(0).getString("status"))).get(0);
            int runId = waiting.getInt("id");
            assertThat(waiting.getString("month")).isEqualTo(dueMonth.toString());
            assertThat(waiting.get("packUrl")).isEqualTo(jakarta.json.JsonValue.NULL);
            assertThat(api.json("api/schedule").asJsonObject().getString("lastDecision"))
                    .isEqualTo(dueMonth + " fell due; run " + runId + " waits for its data (GET /api/readiness/" + dueMonth + ")");
            JsonObject detail = api.json("api/runs/" + runId).asJsonObject();
            assertThat(detail.getString("status")).isEqualTo("WAITING_FOR_DATA");
            assertThat(detail.getJsonArray("waitingFor").getString(0)).isEqualTo("(any source): no source has delivered any data");
            assertThat(detail.getJsonObject("readiness").getBoolean("ready")).isFalse();
            assertThat(api.json("api/readiness/" + dueMonth).asJsonObject().getString("afterDeadline")).isEqualTo("HOLD");
            assertThat(api.getBytes("api/runs/" + runId + "/pack").statusCode()).isEqualTo(404);

            // the month's data arrives, calls through its last day: the same run goes ahead and is published
            MonthOfData.deliver(Path.of(System.getProperty("rapport.it.scheduled.data.dir")), dueMonth, "due");
            JsonObject caughtUp = Poll.until(TIMEOUT, () -> scheduledRuns(),
                    runs -> runs.size() == 1 && "PUBLISHED".equals(runs.get(0).getString("status"))).get(0);
            assertThat(caughtUp.getInt("id")).isEqualTo(runId);
            assertThat(caughtUp.getJsonArray("waitingFor")).isEmpty();
            assertThat(caughtUp.getBoolean("incomplete")).isFalse();
            assertDroppedOnSftp(runId, sftpRoot);

            controller.stop(CONTAINER);
            startAndDeploy();

            JsonObject afterRestart = Poll.until(TIMEOUT, () -> api.json("api/schedule").asJsonObject(),
                    status -> status.get("lastLookAt") != null && !status.isNull("lastLookAt"));
            assertThat(afterRestart.getString("lastDecision")).isEqualTo(dueMonth + " was already run after it fell due");
            assertThat(scheduledRuns()).hasSize(1);
            anAdministratorGivesAGeneratedUserAnotherRoleWhichOutlastsARestart();
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    /** The pack and its .sha256 arrived whole, and the delivery is recorded as sent. */
    private void assertDroppedOnSftp(int runId, Path sftpRoot) throws Exception {
        JsonObject delivery = Poll.until(TIMEOUT, () -> api.json("api/distribution/runs/" + runId).asJsonArray()
                        .getValuesAs(JsonObject.class).stream()
                        .filter(entry -> entry.getString("target").startsWith("sftp://")).findFirst().orElse(null),
                entry -> entry != null && entry.getString("status").equals("SENT"));
        assertThat(delivery.getString("target"))
                .startsWith("sftp://rapport@127.0.0.1:" + Integer.getInteger("rapport.it.scheduled.sftp.port"))
                .endsWith("packs");
        byte[] pack = api.getBytes("api/runs/" + runId + "/pack").body();
        try (var dropped = Files.list(sftpRoot.resolve("packs"))) {
            // a later revision of the month may be dropped beside it
            Path pdf = dropped.filter(file -> file.toString().endsWith("-run-" + runId + ".pdf")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(pdf)).isEqualTo(pack);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pack));
            assertThat(Path.of(pdf + ".sha256")).content().startsWith(sha256 + "  " + pdf.getFileName());
        }
    }

    private List<JsonObject> scheduledRuns() throws Exception {
        return api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(run -> run.getString("origin").equals("SCHEDULE")).toList();
    }

    /** The generated users keep their first passwords across restarts; an admin's change of roles is kept and audited. */
    private void anAdministratorGivesAGeneratedUserAnotherRoleWhichOutlastsARestart() throws Exception {
        ApiClient board = new ApiClient(application(), "board", firstPasswords.get("board"));
        assertThat(board.get("api/rulesets").statusCode()).isEqualTo(403);

        HttpResponse<String> changed = api.put("api/users/board/roles", "application/json", "{\"roles\": [\"board\", \"strategy\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api.put("api/users/board/roles", "application/json", "{\"roles\": [\"root\"]}").statusCode()).isEqualTo(400);
        assertThat(api.put("api/users/nobody/roles", "application/json", "{\"roles\": []}").statusCode()).isEqualTo(404);

        controller.stop(CONTAINER);
        startAndDeploy();
        assertThat(board.get("api/rulesets").statusCode()).isEqualTo(200);
        assertThat(api.json("api/audit").toString()).contains("USER_ROLES_CHANGED").contains("\"by\":\"admin\"");
    }

    private void startAndDeploy() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        if (api == null) {
            firstPasswords = GeneratedUsers.firstPasswords(Path.of(System.getProperty("rapport.it.scheduled.data.dir")));
            assertThat(firstPasswords).containsOnlyKeys("board", "strategy", "integration", "admin");
            api = new ApiClient(application(), "admin", firstPasswords.get("admin"));
        }
    }

    private static Instant nextSixOClockUtc() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime today = now.with(LocalTime.of(6, 0));
        return (now.isBefore(today) ? today : today.plusDays(1)).toInstant();
    }

    private static URL application() {
        try {
            return new URL("http://127.0.0.1:" + (8080 + Integer.getInteger("rapport.it.scheduled.port.offset"))
                    + "/rapport/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
