package org.rapport.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

class DistributionTest extends PersistenceSpec {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final byte[] PDF = "%PDF-1.7 the October pack".getBytes();
    private static final String PACK_FILE = "rapport-board-pack-2026-10-run-%d.pdf";

    @TempDir
    Path packs;

    @TempDir
    Path dropFolder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyRecipientReceivesThePackAttachedAndTheDeliveryIsRecorded(TestDatabase database) throws Exception {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));
        database.write(entityManager -> list(entityManager).add("Chair@Rapport.test", "admin"));

        database.write(entityManager -> distribution(entityManager, smtpSession(), true).distribute(runId));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Rapport board pack — October 2026");
        assertThat(attachment(received[0])).isEqualTo(PDF);
        List<PackDelivery> deliveries = deliveries(runId);
        assertThat(deliveries).filteredOn(delivery -> delivery.getChannel() == DeliveryChannel.EMAIL)
                .extracting(PackDelivery::getTarget)
                .containsExactlyInAnyOrder("cco@rapport.test", "chair@rapport.test");
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.getDeliveredAt()).isNotNull();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvalidAddressIsReportedWhileTheOthersStillReceiveThePack(TestDatabase database) {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> {
            list(entityManager).add("cco@rapport.test", "admin");
            // e.g. imported from an older list before addresses were checked
            entityManager.persist(new Recipient("board secretary", "import", Clock.systemUTC().instant()));
        });

        database.write(entityManager -> distribution(entityManager, smtpSession(), true).distribute(runId));

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(deliveries(runId)).filteredOn(d -> d.getTarget().equals("board secretary")).singleElement()
                .satisfies(bad -> {
                    assertThat(bad.getStatus()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(bad.getLastError()).contains("not a valid e-mail address");
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMailServerThatIsDownLeavesTheDeliveryPendingThenReportsItFailedAfterTheLastAttempt(TestDatabase database) {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));
        Session nobodyListening = session(SMTP.getSmtp().getPort() + 7);

        database.write(entityManager -> distribution(entityManager, nobodyListening, true).distribute(runId));
        assertThat(mails(runId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.getLastError()).contains("could not reach the mail server");
        });

        database.write(entityManager -> distribution(entityManager, nobodyListening, true).retryPending(runId));
        database.write(entityManager -> distribution(entityManager, nobodyListening, true).retryPending(runId));

        assertThat(mails(runId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.getAttempts()).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRetryAfterTheServerIsBackDeliversWhatWasPending(TestDatabase database) {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));
        database.write(entityManager ->
                distribution(entityManager, session(SMTP.getSmtp().getPort() + 7), true).distribute(runId));

        long stillPending = database.read(entityManager ->
                distribution(entityManager, smtpSession(), true).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(mails(runId)).singleElement()
                .satisfies(delivery -> assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withLinksTheMailCarriesTheLinkAndTheDropFolderStillGetsTheFile(TestDatabase database) throws Exception {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));

        database.write(entityManager -> distribution(entityManager, smtpSession(), false).distribute(runId));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(1);
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("http://localhost:8080/rapport/api/runs/" + runId + "/pack");
        assertThat(Files.readAllBytes(dropFolder.resolve("rapport-board-pack-2026-10-run-" + runId + ".pdf")))
                .isEqualTo(PDF);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDropFolderThatIsUnavailableWaitsWhileTheMailsAndTheOtherFolderAreDeliveredThenReceivesThePack(
            TestDatabase database) throws Exception {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));
        // a share that is not mounted: where the folder should be, there is a file
        Path share = Files.writeString(packs.resolve("share"), "not mounted");
        List<PackDropTarget> drops = List.of(new FolderDrop(share.resolve("board")), new FolderDrop(dropFolder));

        database.write(entityManager -> distribution(entityManager, smtpSession(), true, drops).distribute(runId));

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(dropFolder.resolve(PACK_FILE.formatted(runId))).hasBinaryContent(PDF);
        assertThat(deliveries(runId)).extracting(PackDelivery::getTarget, PackDelivery::getStatus).containsExactly(
                tuple("cco@rapport.test", DeliveryStatus.SENT),
                tuple(share.resolve("board").toString(), DeliveryStatus.PENDING),
                tuple(dropFolder.toString(), DeliveryStatus.SENT));
        assertThat(pendingOn(runId, share.resolve("board")).getLastError())
                .startsWith("could not write to " + share.resolve("board"));

        Files.delete(share);
        long stillPending = database.read(entityManager ->
                distribution(entityManager, smtpSession(), true, drops).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(share.resolve("board").resolve(PACK_FILE.formatted(runId))).hasBinaryContent(PDF);
        assertThat(SMTP.getReceivedMessages()).as("nobody mailed twice").hasSize(1);
        assertThat(deliveries(runId)).allSatisfy(delivery ->
                assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDropThatKeepsFailingIsReportedFailedAfterTheLastAttemptAndTheMailIsUnaffected(TestDatabase database)
            throws Exception {
        on(database);
        long runId = publishedOctober();
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));
        Path unmounted = Files.writeString(packs.resolve("share"), "not mounted").resolve("board");
        List<PackDropTarget> drops = List.of(new FolderDrop(unmounted));

        database.write(entityManager -> distribution(entityManager, smtpSession(), true, drops).distribute(runId));
        database.write(entityManager -> distribution(entityManager, smtpSession(), true, drops).retryPending(runId));
        long stillPending = database.read(entityManager ->
                distribution(entityManager, smtpSession(), true, drops).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(deliveries(runId)).filteredOn(delivery -> delivery.getChannel() == DeliveryChannel.FOLDER)
                .singleElement().satisfies(drop -> {
                    assertThat(drop.getStatus()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(drop.getAttempts()).isEqualTo(3);
                    assertThat(drop.getLastError()).startsWith("could not write to " + unmounted);
                    assertThat(drop.getDeliveredAt()).isNull();
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPendingDropWhoseTargetIsNoLongerConfiguredIsReportedFailedNotLost(TestDatabase database) throws Exception {
        on(database);
        long runId = publishedOctober();
        Path unmounted = Files.writeString(packs.resolve("share"), "not mounted").resolve("board");
        database.write(entityManager -> distribution(entityManager, smtpSession(), true,
                List.of(new FolderDrop(unmounted))).distribute(runId));

        // the administrator moved the drop to another folder and restarted
        long stillPending = database.read(entityManager -> distribution(entityManager, smtpSession(), true,
                List.of(new FolderDrop(dropFolder))).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(deliveries(runId)).singleElement().satisfies(drop -> {
            assertThat(drop.getTarget()).isEqualTo(unmounted.toString());
            assertThat(drop.getStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(drop.getLastError()).isEqualTo(unmounted + " is no longer a configured drop target");
        });
        assertThat(dropFolder).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyChannelCanBeRecorded(TestDatabase database) {
        on(database);
        long runId = publishedOctober();

        database.write(entityManager -> {
            Run run = entityManager.find(Run.class, runId);
            for (DeliveryChannel channel : DeliveryChannel.values()) {
                entityManager.persist(new PackDelivery(run, channel, "somewhere"));
            }
        });

        assertThat(deliveries(runId)).extracting(PackDelivery::getChannel)
                .containsExactly(DeliveryChannel.values());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changesToTheListAreAuditedAndNonAddressesRefused(TestDatabase database) {
        on(database);
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "alice"));
        database.write(entityManager -> list(entityManager).remove("cco@rapport.test", "bob"));

        assertThatThrownBy(() -> database.write(entityManager -> list(entityManager).add("cco at rapport", "alice")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cco at rapport");
        List<DistributionChange> history = database.read(entityManager -> list(entityManager).history());
        assertThat(history).extracting(DistributionChange::getAction, DistributionChange::getChangedBy,
                        DistributionChange::getAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADDED", "alice", "cco@rapport.test"),
                        org.assertj.core.groups.Tuple.tuple("REMOVED", "bob", "cco@rapport.test"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theListIsToldOfARevisionAndWhatChangedWhileTheDropFolderGetsTheRevisedPack(TestDatabase database)
            throws Exception {
        on(database);
        long first = publishedOctober();
        long revised = database.read(entityManager ->
                steps(entityManager).create(YearMonth.of(2026, 10), RunOrigin.INTAKE).getId());
        database.write(entityManager -> entityManager.persist(new org.rapport.engine.kpi.KpiValue(
                entityManager.find(Run.class, revised), "NPS", "overall", new java.math.BigDecimal("12.0"), 40, null,
                null, null)));
        database.write(entityManager -> steps(entityManager).compareWithPublished(revised));
        database.write(entityManager -> steps(entityManager).storeRendered(revised, PDF,
                steps(entityManager).snapshot(revised, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(revised, packs));
        database.write(entityManager -> list(entityManager).add("cco@rapport.test", "admin"));

        database.write(entityManager -> distribution(entityManager, smtpSession(), true).distribute(revised));

        MimeMessage notice = SMTP.getReceivedMessages()[0];
        assertThat(notice.getSubject()).isEqualTo("Revised: Rapport board pack — October 2026");
        assertThat(((Multipart) notice.getContent()).getCount()).as("no attachment").isEqualTo(1);
        assertThat(((Multipart) notice.getContent()).getBodyPart(0).getContent().toString())
                .contains("run " + revised + " replaces run " + first, "- Net Promoter Score: no data → 12",
                        "http://localhost:8080/rapport/api/runs/" + revised + "/pack");
        assertThat(dropFolder.resolve(PACK_FILE.formatted(revised))).hasBinaryContent(PDF);
    }

    private long publishedOctober() {
        long runId = database.read(entityManager ->
                steps(entityManager).create(YearMonth.of(2026, 10), RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).storeRendered(runId, PDF,
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
        return runId;
    }

    private List<PackDelivery> deliveries(long runId) {
        return database.read(entityManager -> new Distribution(entityManager, null, null, List.of(), Clock.systemUTC())
                .deliveries(runId));
    }

    private PackDelivery pendingOn(long runId, Path folder) {
        return deliveries(runId).stream().filter(delivery -> delivery.getTarget().equals(folder.toString()))
                .findFirst().orElseThrow();
    }

    private List<PackDelivery> mails(long runId) {
        return deliveries(runId).stream().filter(delivery -> delivery.getChannel() == DeliveryChannel.EMAIL).toList();
    }

    private Distribution distribution(EntityManager entityManager, Session session, boolean attach) {
        return distribution(entityManager, session, attach, List.of(new FolderDrop(dropFolder)));
    }

    private static Distribution distribution(EntityManager entityManager, Session session, boolean attach,
            List<PackDropTarget> dropTargets) {
        DistributionSettings settings = new DistributionSettings(attach, "http://localhost:8080/rapport/",
                "rapport@rapport.test", 3);
        return new Distribution(entityManager, new PackMailer(session, settings.from()), settings, dropTargets,
                Clock.systemUTC());
    }

    private static DistributionList list(EntityManager entityManager) {
        return new DistributionList(entityManager, Clock.systemUTC());
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, new RuleEngine(), Clock.systemUTC());
    }

    private static Session smtpSession() {
        return session(SMTP.getSmtp().getPort());
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        return Session.getInstance(properties);
    }

    private static byte[] attachment(MimeMessage message) throws IOException, MessagingException {
        BodyPart part = ((Multipart) message.getContent()).getBodyPart(1);
        assertThat(part.getFileName()).isEqualTo(part.getFileName()).endsWith(".pdf");
        return part.getInputStream().readAllBytes();
    }
}
