package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A published pack reaches the distribution list through a real SMTP server (GreenMail, which the
 * test WildFly is configured to send to), and who received it is recorded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BoardPackDistributionIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("rapport.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String TEXT = "text/plain";

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aRunOnDemandMailsItsPackToTheListAndRecordsWhoReceivedIt() throws Exception {
        ApiClient api = new ApiClient(application);
        assertThat(api.post("api/distribution/recipients", "application/json", "{\"address\": \"cco@rapport.test\"}").statusCode()).isEqualTo(204);
        assertThat(api.post("api/distribution/recipients", "application/json", "{\"address\": \"not an address\"}").statusCode()).isEqualTo(400);

        // A month no other test runs, so this is its first pack (a re-run would be a revision). Whether its
        // sources are complete depends on what other tests delivered to this server first; when they are
        // not, the run waits and the administrator forces it, which is what this test needs.
        HttpResponse<String> started = Poll.until(TIMEOUT, () -> api.post("api/runs?month=2011-08", TEXT, ""),
                response -> response.statusCode() == 202);
        JsonObject run = ApiClient.read(started.body()).asJsonObject();
        int runId = run.getInt("id");
        if ("WAITING_FOR_DATA".equals(run.getString("status"))) {
            // 409 only if the data became complete and the run started in the meantime
            assertThat(api.post("api/runs/" + runId + "/force", TEXT, "").statusCode()).isIn(202, 409);
        }

        // other tests' runs publish on this server too: the message of this month's pack
        MimeMessage mail = Poll.until(TIMEOUT, () -> java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> subjectOf(message).equals("Rapport board pack — August 2011")).findFirst().orElse(null),
                received -> received != null);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("cco@rapport.test");
        Multipart parts = (Multipart) mail.getContent();
        byte[] attached = parts.getBodyPart(1).getInputStream().readAllBytes();
        byte[] archived = api.getBytes("api/runs/" + runId + "/pack").body();
        assertThat(attached).isEqualTo(archived);

        // the delivery is recorded once the mail server has taken the message, so a moment after it arrives there
        JsonArray deliveries = Poll.until(TIMEOUT, () -> api.json("api/distribution/runs/" + runId).asJsonArray(),
                recorded -> !recorded.isEmpty() && "SENT".equals(recorded.getJsonObject(0).getString("status")));
        assertThat(deliveries.getValuesAs(JsonObject.class)).singleElement().satisfies(delivery -> {
            assertThat(delivery.getString("target")).isEqualTo("cco@rapport.test");
            assertThat(delivery.getString("status")).isEqualTo("SENT");
        });
        JsonArray history = api.json("api/distribution/history").asJsonArray();
        assertThat(history.getValuesAs(JsonObject.class))
                .anySatisfy(change -> assertThat(change.getString("address")).isEqualTo("cco@rapport.test"));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
