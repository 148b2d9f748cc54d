package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.filedrop.DroppedFiles.CALLS;
import static org.rapport.integration.filedrop.DroppedFiles.CUSTOMERS;
import static org.rapport.integration.filedrop.DroppedFiles.awaitUntil;
import static org.rapport.integration.filedrop.DroppedFiles.drop;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;
import static org.rapport.integration.filedrop.DroppedFiles.quickSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.support.RecordedLog;

/** Starting the file drop: folders, samples, and what happens when either is not as expected. */
class FileDropIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private final RecordingIntake intake = new RecordingIntake();
    private FileDropIntake fileDrop;

    @AfterEach
    void stop() {
        if (fileDrop != null) {
            fileDrop.close();
        }
    }

    @Test
    void missingIntakeFoldersAreCreatedWithTheirDoneAndFailedFolders() throws Exception {
        Path intakeDir = dataDir.resolve("not-yet/intake");

        start(intakeDir, Optional.empty());

        for (String folder : new String[] {"customers", "purchases", "service-cases", "calls", "survey-responses"}) {
            assertThat(intakeDir.resolve(folder).resolve(".done")).isDirectory();
            assertThat(intakeDir.resolve(folder).resolve(".failed")).isDirectory();
            assertThat(fileDrop.camelContext().getRouteController().getRouteStatus("intake-" + folder).isStarted())
                    .isTrue();
        }
    }

    @Test
    void aDataFolderWithSpacesInItsPathWorks() throws Exception {
        Path intakeDir = dataDir.resolve("Rapport data/intake");

        start(intakeDir, Optional.empty());
        drop(intakeDir.resolve("calls"), "calls.csv", CALLS);

        awaitUntil("the calls file to be stored", WAIT, () -> intake.stored().size() == 1);
        awaitUntil("the calls file to be moved to .done", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).equals(List.of("calls.csv")));
    }

    @Test
    void aFolderThatCannotBeUsedIsReportedAndTheOthersStillTakeFiles() throws Exception {
        Path intakeDir = dataDir.resolve("intake");
        Files.createDirectories(intakeDir);
        Files.writeString(intakeDir.resolve("calls"), "a file where the calls folder should be");

        try (RecordedLog log = new RecordedLog()) {
            start(intakeDir, Optional.empty());

            assertThat(log.messages(Level.SEVERE)).singleElement().asString()
                    .startsWith("Intake folder " + intakeDir.resolve("calls") + " cannot be used");
        }
        assertThat(fileDrop.camelContext().getRoutes()).extracting(Route::getRouteId)
                .containsExactlyInAnyOrder("intake-customers", "intake-purchases", "intake-service-cases",
                        "intake-survey-responses");
        drop(intakeDir.resolve("customers"), "customers.csv", CUSTOMERS);
        awaitUntil("the customers file to be stored", WAIT, () -> intake.stored().size() == 1);
    }

    @Test
    void samplesAreCopiedIntoTheIntakeFoldersOnFirstStart() throws Exception {
        Path samples = dataDir.resolve("samples");
        drop(samples.resolve("customers"), "customers.csv", CUSTOMERS);
        drop(samples.resolve("calls"), "calls.csv", CALLS);
        drop(samples.resolve("calls"), ".hidden-note", "not a sample");
        Path intakeDir = dataDir.resolve("intake");

        start(intakeDir, Optional.of(samples));

        awaitUntil("both samples to be stored", WAIT, () -> intake.stored().size() == 2);
        assertThat(intake.stored()).extracting(IntakeBatch::fileName)
                .containsExactlyInAnyOrder("customers.csv", "calls.csv");
        awaitUntil("both samples to be moved to .done", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).equals(List.of("calls.csv"))
                        && filesIn(intakeDir.resolve("customers/.done")).equals(List.of("customers.csv")));
        assertThat(samples.resolve("calls/calls.csv")).as("samples are copied, not moved").exists();
    }

    @Test
    void aSamplesOwnSourceGoesToTheSourcesDirectoryAndItsFilesToTheFolderItReads() throws Exception {
        Path samples = dataDir.resolve("samples");
        drop(samples.resolve("sources"), "complaints.json", "{\"name\": \"complaints\"}");
        drop(samples.resolve("complaints"), "register.csv", "Ticket #\n1\n");
        drop(samples.resolve("sources"), "kept.json", "{\"name\": \"kept\", \"from\": \"samples\"}");
        drop(dataDir.resolve("sources"), "kept.json", "{\"name\": \"kept\", \"from\": \"the installation\"}");
        drop(samples.resolve("sources"), "..json", "{}");
        Path intakeDir = dataDir.resolve("intake");

        start(intakeDir, Optional.of(samples));

        assertThat(dataDir.resolve("sources/complaints.json")).hasContent("{\"name\": \"complaints\"}");
        assertThat(intakeDir.resolve("complaints/register.csv")).hasContent("Ticket #\n1\n");
        assertThat(dataDir.resolve("sources/kept.json")).as("an installation's own definition is left alone")
                .hasContent("{\"name\": \"kept\", \"from\": \"the installation\"}");
        assertThat(filesIn(dataDir.resolve("sources"))).containsExactlyInAnyOrder("complaints.json", "kept.json");
    }

    @Test
    void theSampleTeamsStatusPlansGoToTheDataFolderOnAFirstStartOnly() throws Exception {
        Path samples = dataDir.resolve("samples");
        drop(samples.resolve("calls"), "calls.csv", CALLS);
        drop(samples.resolve("action-status"), "2026-09.json", "{\"by\": \"sample-data\", \"changes\": []}");
        Path intakeDir = dataDir.resolve("intake");

        start(intakeDir, Optional.of(samples));

        assertThat(dataDir.resolve("sample-action-status/2026-09.json"))
                .hasContent("{\"by\": \"sample-data\", \"changes\": []}");
        assertThat(intakeDir.resolve("action-status")).as("not an intake folder").doesNotExist();
    }

    @Test
    void samplesAreNotCopiedAgainOnceTheIntakeHasTakenFiles() throws Exception {
        Path samples = dataDir.resolve("samples");
        drop(samples.resolve("calls"), "calls.csv", CALLS);
        drop(samples.resolve("action-status"), "2026-09.json", "{\"by\": \"sample-data\", \"changes\": []}");
        Path intakeDir = dataDir.resolve("intake");
        drop(intakeDir.resolve("customers/.done"), "customers-last-month.csv", CUSTOMERS);

        try (RecordedLog log = new RecordedLog()) {
            start(intakeDir, Optional.of(samples));

            assertThat(log.messages(Level.INFO)).anySatisfy(message -> assertThat(message)
                    .isEqualTo("Intake folders already hold files: sample data from " + samples
                            + " not seeded again"));
        }
        assertThat(filesIn(intakeDir.resolve("calls"))).isEmpty();
        assertThat(filesIn(intakeDir.resolve("calls/.done"))).isEmpty();
        assertThat(dataDir.resolve("sample-action-status")).doesNotExist();
    }

    @Test
    void aMissingSamplesFolderIsReportedAndTheIntakeStillStarts() throws Exception {
        Path samples = dataDir.resolve("no-such-samples");

        try (RecordedLog log = new RecordedLog()) {
            start(dataDir.resolve("intake"), Optional.of(samples));

            assertThat(log.messages(Level.WARNING)).containsExactly("Sample folder " + samples
                    + " (rapport.samples.dir) does not exist or is not a folder: no sample data seeded");
        }
        assertThat(fileDrop.camelContext().getRoutes()).hasSize(IntakeFolder.canonical().size());
    }

    private void start(Path intakeDir, Optional<Path> samples) throws Exception {
        fileDrop = FileDropIntake.start(quickSettings(intakeDir), samples, IntakeFolder.canonical(), intake);
    }
}
