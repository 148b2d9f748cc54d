package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.Completeness;
import org.rapport.integration.FormatCatalog;

class SourceDefinitionsTest {

    @TempDir
    Path root;
    Path sources;

    @BeforeEach
    void createFolders() throws IOException {
        sources = Files.createDirectories(root.resolve("sources"));
        Files.createDirectories(root.resolve("drops/crm"));
    }

    @Test
    void aValidDefinitionLoadsWithItsSettingsTyped() throws IOException {
        write("crm.json", """
                {
                  // the nightly export of the CRM
                  "name": "crm",
                  "kind": "customers",
                  "format": "canonical-csv",
                  "transport": {"type": "file", "directory": "../drops/crm", "include": "*.csv"},
                  "schedule": "PT15M",
                  "timeZone": "Europe/London",
                  "charset": "windows-1251",
                  "readiness": "month-closed",
                }
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.problems()).isEmpty();
        SourceDefinition crm = loaded.named("crm").orElseThrow();
        assertThat(crm.kind()).isEqualTo(SourceKind.CUSTOMERS);
        assertThat(crm.transport()).isEqualTo(new Transport.File(root.resolve("drops/crm"), "*.csv"));
        assertThat(crm.schedule()).isEqualTo(new Schedule(Duration.ofMinutes(15), null));
        assertThat(crm.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(crm.charset().name()).isEqualTo("windows-1251");
        assertThat(crm.customerMatch()).isEqualTo(CustomerMatch.CUSTOMER_ID);
        assertThat(crm.readiness()).isEqualTo(Completeness.MONTH_CLOSED);
    }

    @Test
    void everyMistakeOfAFileIsNamedWithItsFieldAndTheOtherFilesStillLoad() throws IOException {
        write("crm.json", """
                {"name": "crm", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"}}
                """);
        write("ivr.json", """
                {"name": "ivr", "kind": "calls", "format": "canonical-csv", "timeZone": "Europe/Londn",
                 "charset": "UTF-9", "customerMatch": "phone", "schedule": "hourly", "readiness": "when-ready",
                 "transport": {"type": "file", "directory": "../drops/nowhere"}, "colour": "blue"}
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.definitions()).extracting(SourceDefinition::name).containsExactly("crm");
        assertThat(loaded.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "sources/ivr.json: field 'colour': is not a known field here; known are charset, companion, "
                        + "customerMatch, description, fields, format, kind, name, options, readiness, schedule, "
                        + "timeZone, transport, values",
                "sources/ivr.json: field 'readiness': 'when-ready' is not a completeness rule; use one of "
                        + "records-through-month-end, extract-after-month-end, snapshot-after-month-end, month-closed, "
                        + "not-needed",
                "sources/ivr.json: field 'charset': 'UTF-9' is not a known character set (e.g. UTF-8, windows-1251, "
                        + "ISO-8859-1)",
                "sources/ivr.json: field 'timeZone': 'Europe/Londn' is not a known time zone (e.g. Europe/London, "
                        + "America/New_York, UTC)",
                "sources/ivr.json: field 'customerMatch': 'phone' is not a way to match customers; use customer-id, "
                        + "account-number, caller-number",
                "sources/ivr.json: field 'schedule': 'hourly' is neither an interval (PT15M) nor a cron expression "
                        + "with 6 or 7 fields (0 0 2 * * ?)",
                "sources/ivr.json: field 'transport.directory': '../drops/nowhere' does not exist (looked for "
                        + root.resolve("drops/nowhere") + ")");
    }

    @Test
    void aFormatThatDoesNotDeliverTheKindOrIsUnknownIsNamed() throws IOException {
        write("a.json", """
                {"name": "a", "kind": "calls", "format": "comcast-complaints", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"}}
                """);
        write("b.json", """
                {"name": "b", "kind": "calls", "format": "avaya-cms", "timeZone": "UTC",
                 "transport": {"type": "ftp"}}
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.problems()).extracting(Object::toString).anySatisfy(problem -> assertThat(problem)
                .startsWith("sources/a.json: field 'format': 'comcast-complaints' delivers service-cases, not calls"))
                .anySatisfy(problem -> assertThat(problem).startsWith(
                        "sources/b.json: field 'format': 'avaya-cms' is not a known format; known are canonical-csv"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo(
                        "sources/b.json: field 'transport.type': 'ftp' is not a transport; use file, sftp, http or jdbc"));
    }

    @Test
    void transportsOtherThanFilesAreCheckedField(@TempDir Path unused) throws IOException {
        write("sftp.json", """
                {"name": "s", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "sftp", "host": "pbx.example", "port": 70000, "username": "rapport"}}
                """);
        write("http.json", """
                {"name": "h", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "http", "url": "ftp://x", "paging": "cursor", "pageParam": "after"}}
                """);
        write("jdbc.json", """
                {"name": "j", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "jdbc", "dataSource": "java:/crm", "query": "select * from customer",
                               "updatedAtColumn": "updated_at"}}
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "sources/sftp.json: field 'transport.port': '70000' is not a port number (1 to 65535)",
                "sources/sftp.json: field 'transport.credential': is missing",
                "sources/http.json: field 'transport.url': 'ftp://x' is not an http or https URL",
                "sources/http.json: field 'transport.nextCursor': is missing",
                "sources/jdbc.json: field 'transport.query': must use the parameter :since, the last updated_at "
                        + "read, so that each run fetches only what changed");
    }

    @Test
    void brokenJsonAFileThatIsNotJsonAndADuplicateNameAreProblems() throws IOException {
        write("broken.json", "{\"name\": \"crm\",\n \"kind\": }");
        write("ivr.yaml", "name: ivr");
        write("crm.json", """
                {"name": "crm", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"}}
                """);
        write("crm-copy.json", """
                {"name": "crm", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC", "kind": "calls",
                 "transport": {"type": "file", "directory": "../drops/crm"}}
                """);
        write("empty.json", "");

        SourceDefinitions loaded = load();

        assertThat(loaded.definitions()).hasSize(1);
        assertThat(loaded.problems()).extracting(Object::toString).satisfiesExactlyInAnyOrder(
                problem -> assertThat(problem).startsWith("sources/broken.json: is not valid JSON at line 2, column 10"),
                problem -> assertThat(problem).startsWith("sources/crm-copy.json: is not valid JSON")
                        .contains("Duplicate field 'kind'"),
                problem -> assertThat(problem).isEqualTo("sources/empty.json: is empty: a definition is one JSON object"),
                problem -> assertThat(problem).isEqualTo(
                        "sources/ivr.yaml: is not a .json file: source definitions are JSON"));
    }

    @Test
    void aSourcesDirectoryThatDoesNotExistIsAProblemNotACrash() {
        SourceDefinitions loaded = SourceDefinitions.load(root.resolve("missing"));

        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.problems()).singleElement().hasToString("missing: the sources directory "
                + root.resolve("missing").toAbsolutePath() + " does not exist or is not a directory");
    }

    @Test
    void twoDefinitionsWithOneNameKeepTheFirst() throws IOException {
        String crm = """
                {"name": "crm", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"}}
                """;
        write("a.json", crm);
        write("b.json", crm);

        SourceDefinitions loaded = load();

        assertThat(loaded.definitions()).extracting(definition -> definition.file().getFileName().toString())
                .containsExactly("a.json");
        assertThat(loaded.problems()).singleElement()
                .hasToString("sources/b.json: field 'name': 'crm' is already the name of the source in sources/a.json");
    }

    @Test
    void mappingsOptionsAndCompanionsAreCheckedAgainstTheFormat() throws IOException {
        write("telco.json", """
                {"name": "telco", "kind": "customers", "format": "ibm-telco", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"},
                 "companion": {"file": "status.csv", "directory": "../drops/status", "match": "(unclosed"},
                 "fields": {"custmer_id": "id", "segment": ["Contract", 7], "region": "#0"},
                 "values": {"churn_reason": {"Attitude": "treatmnt"}, "csat": {"Great": "5"}}}
                """);
        write("ivr.json", """
                {"name": "ivr", "kind": "calls", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"},
                 "companion": {"file": "x.csv"},
                 "options": {"delimiter": "ab", "dateFormat": "dd/MM/yyyy", "colour": "blue"}}
                """);
        write("bank.json", """
                {"name": "bank", "kind": "calls", "format": "anonymous-bank", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"},
                 "options": {"dateTimeFormat": "x"}}
                """);
        write("survey.json", """
                {"name": "survey", "kind": "survey-responses", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"},
                 "options": {"dateTimeFormat": "dd/MM/yyyy HH:mm:bb"}}
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "sources/telco.json: field 'fields.custmer_id': is not a field this format takes; known are "
                        + "account_number, annual_value, churn_reason, churned_on, consent_analytics, consent_contact, "
                        + "customer_id, customer_since, monthly_charges, phone_number, preferred_channel, region, "
                        + "segment, status, tenure_months, value_band",
                "sources/telco.json: field 'fields.segment': a list of columns holds only column names, not '7'",
                "sources/telco.json: field 'fields.region': '#0' is not a column position; write #1 for the first column",
                "sources/telco.json: field 'values.churn_reason.Attitude': 'treatmnt' is not one of treatment, "
                        + "product_or_service, better_offer, serial_switcher, stopped_using, deceased, unknown",
                "sources/telco.json: field 'values.csat': is not a field this format takes; known are account_number, "
                        + "annual_value, churn_reason, churned_on, consent_analytics, consent_contact, customer_id, "
                        + "customer_since, monthly_charges, phone_number, preferred_channel, region, segment, status, "
                        + "tenure_months, value_band",
                "sources/telco.json: field 'companion.match': '(unclosed' is not a regular expression: Unclosed group",
                "sources/telco.json: field 'companion.directory': '../drops/status' does not exist (looked for "
                        + root.resolve("drops/status") + ")",
                "sources/ivr.json: field 'options.colour': is not a known field here; known are dateFormat, "
                        + "dateTimeFormat, delimiter, headerRows",
                "sources/ivr.json: field 'companion': format 'generic-csv' takes no companion file",
                "sources/bank.json: field 'options': this format takes no options",
                "sources/survey.json: field 'options.dateTimeFormat': 'dd/MM/yyyy HH:mm:bb' is not a date pattern "
                        + "(Unknown pattern letter: b); write it as in Java's DateTimeFormatter, e.g. dd/MM/yyyy HH:mm");
    }

    @Test
    void aFormatsOwnOptionIsCheckedWhenTheRestIsRight() throws IOException {
        write("ivr.json", """
                {"name": "ivr", "kind": "calls", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/crm"}, "options": {"delimiter": "ab"}}
                """);

        assertThat(load().problems()).extracting(Object::toString).containsExactly(
                "sources/ivr.json: field 'options.delimiter': 'ab' is not a delimiter: one character such as , ; | or "
                        + "the word tab");
    }

    /** The sources directory, within boundaries that let its sources reach their folder, host and database. */
    private SourceDefinitions load() {
        return SourceDefinitions.load(sources, FormatCatalog.standard(), SourceBoundaries.closed(root)
                .withFileRoots(root.resolve("drops")).withAllowedHosts("pbx.example").withConnections("java:/crm"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(sources.resolve(name), content, StandardCharsets.UTF_8);
    }
}
