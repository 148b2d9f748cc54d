package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration team tries a definition on a sample file before saving it ({@code POST
 * /api/sources/{name}/try}): it sees the first rows as Rapport would store them, the rows it would
 * quarantine with line, field and reason, and a field mapped to a column the sample lacks at that field.
 * Nothing is stored — no definition, no batch, no record, no quarantined row — and an upload that is too
 * large, of the wrong type or incomplete is refused with a message and has no effect either.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleTrialIT {

    private static final String SOURCE = "trial-billing";
    private static final String DEFINITION = """
            {"name": "trial-billing", "kind": "purchases", "format": "generic-csv", "timeZone": "Europe/London",
             "fields": {"customer_id": "Client", "purchased_on": "Date", "amount": "Total"},
             "transport": {"type": "file", "directory": "../drops/trial-billing"}}
            """;
    private static final String SAMPLE = """
            Client,Date,Total,product_category
            C-1,2025-04-03,44.35,broadband
            C-2,2025-04-04,lots,fibre
            C-3,2025-04-05,12.00,mobile
            """;

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aDefinitionTriedOnASampleShowsRowsAndQuarantineAndStoresNothing() throws Exception {
        Path drops = Files.createDirectories(Path.of(System.getProperty("rapport.data.dir"), "drops", SOURCE));
        ApiClient api = new ApiClient(application, TestUsers.INTEGRATION, TestUsers.password(TestUsers.INTEGRATION));

        HttpResponse<String> tried = tryOn(api, DEFINITION, "text/csv", "purchases-2025-04.csv", bytes(SAMPLE));

        assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
        JsonObject trial = ApiClient.read(tried.body()).asJsonObject();
        assertThat(trial.getBoolean("stored")).isFalse();
        assertThat(trial.getString("sample")).isEqualTo("purchases-2025-04.csv");
        JsonObject outcome = trial.getJsonObject("outcome");
        assertThat(outcome.getBoolean("tried")).isTrue();
        assertThat(outcome.getJsonArray("problems")).isEmpty();
        assertThat(outcome.getInt("rowsAccepted")).isEqualTo(2);
        assertThat(outcome.getInt("rowsQuarantined")).isEqualTo(1);
        JsonObject first = outcome.getJsonArray("rows").getJsonObject(0);
        assertThat(first.getInt("line")).isEqualTo(2);
        assertThat(first.getJsonObject("fields").getString("customerRef")).isEqualTo("C-1");
        assertThat(first.getJsonObject("fields").getString("purchasedOn")).isEqualTo("2025-04-03");
        JsonObject bad = outcome.getJsonArray("quarantined").getJsonObject(0);
        assertThat(bad.getInt("line")).isEqualTo(3);
        assertThat(bad.getString("field")).isEqualTo("Total");
        assertThat(bad.getString("rawText")).isEqualTo("C-2,2025-04-04,lots,fibre");

        HttpResponse<String> missingColumn = tryOn(api, DEFINITION.replace("\"Client\"", "\"Customer No\""), "text/csv",
                "purchases-2025-04.csv", bytes(SAMPLE));
        JsonObject refusedFile = ApiClient.read(missingColumn.body()).asJsonObject().getJsonObject("outcome");
        assertThat(refusedFile.getJsonArray("problems").getValuesAs(JsonObject.class))
                .extracting(problem -> problem.getString("field")).containsExactly("fields.customer_id");
        assertThat(refusedFile.getString("rejection")).contains("Customer No");
        assertThat(refusedFile.getJsonArray("rows")).isEmpty();

        HttpResponse<String> badDefinition = tryOn(api, DEFINITION.replace("Europe/London", "Europe/Londn"), "text/csv",
                "purchases-2025-04.csv", bytes(SAMPLE));
        JsonObject notTried = ApiClient.read(badDefinition.body()).asJsonObject().getJsonObject("outcome");
        assertThat(notTried.getBoolean("tried")).isFalse();
        assertThat(notTried.getJsonArray("problems").getValuesAs(JsonObject.class))
                .extracting(problem -> problem.getString("field")).containsExactly("timeZone");

        // just over the sample's limit: the body is read, the sample part is not taken
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1024];
        Arrays.fill(tooLarge, (byte) 'x');
        HttpResponse<String> large = tryOn(api, DEFINITION, "text/csv", "big.csv", tooLarge);
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(large.body()).contains("larger than 5 MB");

        HttpResponse<String> pdf = tryOn(api, DEFINITION, "application/pdf", "pack.pdf", bytes("%PDF-1.7"));
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(415);
        assertThat(pdf.body()).contains("application/pdf");

        HttpResponse<String> noSample = api.post("api/sources/" + SOURCE + "/try", "multipart/form-data; boundary=b",
                multipart("b", List.of(new Part("definition", null, "application/json", bytes(DEFINITION)))));
        assertThat(noSample.statusCode()).as(noSample.body()).isEqualTo(400);
        assertThat(noSample.body()).contains("'sample' is missing");

        ApiClient board = new ApiClient(application, TestUsers.BOARD, TestUsers.password(TestUsers.BOARD));
        assertThat(tryOn(board, DEFINITION, "text/csv", "purchases-2025-04.csv", bytes(SAMPLE)).statusCode()).isEqualTo(403);

        JsonArray batches = api.json("api/intake/batches?limit=1000").asJsonArray();
        // other tests' files may reach the ledger meanwhile: none of these is the source's, or a sample's
        assertThat(batches.getValuesAs(JsonObject.class)).as("no batch was written")
                .noneMatch(batch -> SOURCE.equals(batch.getString("source", null))
                        || List.of("purchases-2025-04.csv", "big.csv", "pack.pdf").contains(batch.getString("fileName", "")));
        assertThat(api.json("api/intake/quarantine?source=" + SOURCE).asJsonArray()).as("no row quarantined").isEmpty();
        assertThat(api.json("api/intake/health").asJsonArray().getValuesAs(JsonObject.class))
                .as("no source of that name holds records").noneMatch(source -> SOURCE.equals(source.getString("source")));
        assertThat(api.get("api/sources/" + SOURCE).statusCode()).as("no definition was saved").isEqualTo(404);
        assertThat(drops).isEmptyDirectory();
    }

    @Test
    void theGuideSaysWhatADefinitionMustHave() throws Exception {
        ApiClient api = new ApiClient(application, TestUsers.INTEGRATION, TestUsers.password(TestUsers.INTEGRATION));

        JsonObject guide = api.json("api/source-guide").asJsonObject();

        assertThat(guide.getJsonArray("settings").getValuesAs(JsonObject.class))
                .filteredOn(setting -> setting.getBoolean("required")).extracting(setting -> setting.getString("path"))
                .contains("timeZone", "kind", "format", "transport");
        assertThat(guide.getJsonObject("transports").keySet()).contains("file", "sftp", "http", "jdbc");
        assertThat(guide.getJsonArray("kinds").getValuesAs(JsonObject.class)).extracting(kind -> kind.getString("kind"))
                .contains("calls", "purchases");
    }

    private static HttpResponse<String> tryOn(ApiClient api, String definition, String sampleType, String sampleName,
            byte[] sample) throws Exception {
        String boundary = "rapport-" + UUID.randomUUID();
        return api.post("api/sources/" + SOURCE + "/try", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, List.of(new Part("definition", null, "application/json", bytes(definition)),
                        new Part("sample", sampleName, sampleType, sample))));
    }

    private record Part(String name, String fileName, String type, byte[] content) {
    }

    /** A multipart/form-data body as a browser's FormData sends it. */
    private static byte[] multipart(String boundary, List<Part> parts) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.write(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\nContent-Type: "
                    + part.type() + "\r\n\r\n"));
            body.write(part.content());
            body.write(bytes("\r\n"));
        }
        body.write(bytes("--" + boundary + "--\r\n"));
        return body.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
