package org.rapport.integration.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.SourceBoundaries;

class SampleTrialTest {

    private static final String BILLING = """
            {"name": "billing", "kind": "purchases", "format": "generic-csv", "timeZone": "Europe/London",
             "fields": {"customer_id": "Client", "purchased_on": "Date", "amount": "Total"},
             "transport": {"type": "file", "directory": "../intake/billing"}}
            """;

    @TempDir
    Path root;
    SampleTrial trial;

    @BeforeEach
    void createFolders() throws IOException {
        Files.createDirectories(root.resolve("intake/billing"));
        trial = new SampleTrial(FormatCatalog.standard(), root.resolve("sources"), SourceBoundaries.closed(root),
                CustomerDirectory.NONE);
    }

    @Test
    void aSampleShowsItsFirstRowsAsTheyWouldBeStoredAndItsBadRowsWithLineFieldAndReason() throws IOException {
        var outcome = tryOn(BILLING, """
                Client,Date,Total,product_category
                C-1,2025-02-03,44.35,broadband
                C-2,2025-02-04,lots,fibre
                C-3,2025-02-05,12.00,mobile
                """);

        assertThat(outcome.tried()).isTrue();
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.rowsAccepted()).isEqualTo(2);
        assertThat(outcome.rowsQuarantined()).isEqualTo(1);
        assertThat(outcome.rows()).extracting(SampleTrial.SampleRow::line).containsExactly(2L, 4L);
        assertThat(outcome.rows().get(0).fields()).containsEntry("customerRef", "C-1")
                .containsEntry("purchasedOn", "2025-02-03").containsKey("amount").doesNotContainKey("line");
        QuarantinedRow bad = outcome.quarantined().get(0);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.field()).isEqualTo("Total");
        assertThat(bad.rawText()).isEqualTo("C-2,2025-02-04,lots,fibre");
        assertThat(bad.reason()).isNotBlank();
    }

    @Test
    void onlyTheFirstRowsAreShownButEveryRowIsCounted() throws IOException {
        String rows = IntStream.rangeClosed(1, 50).mapToObj(n -> "C-" + n + ",2025-02-03,1.00")
                .collect(Collectors.joining("\n"));

        var outcome = tryOn(BILLING, "Client,Date,Total\n" + rows + "\n");

        assertThat(outcome.rows()).hasSize(SampleTrial.FIRST_ROWS);
        assertThat(outcome.rowsAccepted()).isEqualTo(50);
    }

    @Test
    void aFieldMappedToAColumnTheSampleDoesNotHaveIsReportedAtThatField() throws IOException {
        var outcome = tryOn(BILLING, """
                Customer,Date,Total
                C-1,2025-02-03,44.35
                """);

        assertThat(outcome.tried()).isTrue();
        assertThat(outcome.rows()).isEmpty();
        assertThat(outcome.rejection()).contains("Client");
        assertThat(outcome.problems()).extracting(DefinitionProblem::field).containsExactly("fields.customer_id");
        assertThat(outcome.problems().get(0).message()).contains("header", "Client");
    }

    @Test
    void aRequiredFieldNothingGivesIsReportedAtThatField() throws IOException {
        var outcome = tryOn(BILLING.replace("\"amount\": \"Total\"", "\"product_category\": \"Total\""), """
                Client,Date,Total
                C-1,2025-02-03,44.35
                """);

        assertThat(outcome.problems()).extracting(DefinitionProblem::field).containsExactly("fields.amount");
    }

    @Test
    void aDefinitionWithProblemsIsNotTriedAndSaysWhereTheyAre() throws IOException {
        var outcome = tryOn(BILLING.replace("Europe/London", "Europe/Londn"), "Client,Date,Total\n");

        assertThat(outcome.tried()).isFalse();
        assertThat(outcome.problems()).extracting(DefinitionProblem::field).containsExactly("timeZone");
    }

    @Test
    void theNameInTheDocumentMustBeTheNameItIsTriedUnder() throws IOException {
        var outcome = trial.tryOn("invoices", BILLING, "sample.csv", stream("Client,Date,Total\n"));

        assertThat(outcome.problems()).extracting(DefinitionProblem::field).containsExactly("name");
    }

    @Test
    void aTrialWritesNothingBesideTheDefinitionsOrTheIntakeFolder() throws IOException {
        tryOn(BILLING, "Client,Date,Total\nC-1,2025-02-03,44.35\n");

        assertThat(root.resolve("sources")).doesNotExist();
        assertThat(root.resolve("intake/billing")).isEmptyDirectory();
    }

    private SampleTrial.Outcome tryOn(String definition, String sample) throws IOException {
        return trial.tryOn("billing", definition, "sample.csv", stream(sample));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
