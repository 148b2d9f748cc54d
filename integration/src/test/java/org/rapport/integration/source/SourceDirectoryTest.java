package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.integration.FormatCatalog;

class SourceDirectoryTest {

    private static final String CRM = """
            {
              // the nightly CRM export
              "name": "crm", "kind": "customers", "format": "canonical-csv", "timeZone": "Europe/London",
              "transport": {"type": "file", "directory": "../intake/crm"}
            }
            """;

    @TempDir
    Path root;
    SourceDirectory directory;

    @BeforeEach
    void createFolders() throws IOException {
        Files.createDirectories(root.resolve("intake/crm"));
        directory = new SourceDirectory(root.resolve("sources"), FormatCatalog.standard(),
                SourceBoundaries.closed(root));
    }

    @Test
    void aValidDefinitionIsWrittenAsItsSourcesFileWithItsCommentsKept() throws IOException {
        assertThat(directory.save("crm", CRM)).isEmpty();

        assertThat(root.resolve("sources/crm.json")).hasContent(CRM);
        assertThat(directory.text("crm")).contains(CRM);
        assertThat(directory.load().named("crm")).isPresent();
    }

    @Test
    void aDefinitionWithAProblemIsRefusedAndTheGoodOneItWouldReplaceStays() throws IOException {
        directory.save("crm", CRM);

        var problems = directory.save("crm", CRM.replace("canonical-csv", "canonical-tsv"));

        assertThat(problems).extracting(DefinitionProblem::field).containsExactly("format");
        assertThat(root.resolve("sources/crm.json")).hasContent(CRM);
        assertThat(root.resolve("sources")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theNameInTheDocumentMustBeTheNameItIsSavedUnder() throws IOException {
        var problems = directory.save("billing", CRM);

        assertThat(problems).extracting(Object::toString)
                .containsExactly("sources/billing.json: field 'name': is 'crm' but the definition was sent for 'billing'");
        assertThat(root.resolve("sources/billing.json")).doesNotExist();
    }

    @Test
    void aNameThatCouldLeaveTheDirectoryIsRefused() throws IOException {
        assertThat(directory.save("../crm", CRM)).extracting(DefinitionProblem::field).containsExactly("name");
        assertThat(root.resolve("crm.json")).doesNotExist();
    }

    @Test
    void aSourceDefinedInAnotherFileIsNotDefinedTwice() throws IOException {
        Files.createDirectories(root.resolve("sources"));
        Files.writeString(root.resolve("sources/10-crm.json"), CRM);

        var problems = directory.save("crm", CRM);

        assertThat(problems).extracting(Object::toString).containsExactly(
                "sources/crm.json: field 'name': 'crm' is already defined in 10-crm.json; edit that file or remove it first");
    }

    @Test
    void deletingASourceRemovesItsDefinitionFile() throws IOException {
        directory.save("crm", CRM);

        assertThat(directory.delete("crm")).isTrue();
        assertThat(directory.delete("crm")).isFalse();
        assertThat(directory.load().definitions()).isEmpty();
        assertThat(directory.text("crm")).isEmpty();
    }
}
