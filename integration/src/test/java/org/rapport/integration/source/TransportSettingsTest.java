package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.integration.FormatCatalog;

/** The settings the SFTP, HTTP and JDBC transports take beyond where to connect, and their defaults. */
class TransportSettingsTest {

    @TempDir
    Path root;
    Path sources;

    @BeforeEach
    void createFolders() throws IOException {
        sources = Files.createDirectories(root.resolve("sources"));
        Files.createDirectories(root.resolve("ssh"));
        Files.writeString(root.resolve("ssh/known_hosts"), "[pbx.example]:2222 ssh-ed25519 AAAAC3Nza\n");
    }

    @Test
    void sftpTakesAKnownHostsFileAHostKeyPolicyAndATimeout() throws IOException {
        write("sftp.json", """
                {"name": "s", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "sftp", "host": "pbx.example", "port": 2222, "username": "rapport",
                               "credential": "pbx", "knownHosts": "../ssh/known_hosts", "timeout": "PT5S"}}
                """);

        Transport.Sftp sftp = (Transport.Sftp) only().transport();

        assertThat(sftp.knownHosts()).isEqualTo(root.resolve("ssh/known_hosts"));
        assertThat(sftp.hostKeyChecking()).isEqualTo(Transport.HostKeyChecking.STRICT);
        assertThat(sftp.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void sftpChecksHostKeysStrictlyUnlessToldOffAndWaitsThirtySecondsByDefault() throws IOException {
        write("sftp.json", """
                {"name": "s", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "sftp", "host": "pbx.example", "username": "rapport", "credential": "pbx"}}
                """);

        Transport.Sftp sftp = (Transport.Sftp) only().transport();

        assertThat(sftp.knownHosts()).as("then the user's ~/.ssh/known_hosts").isNull();
        assertThat(sftp.hostKeyChecking()).isEqualTo(Transport.HostKeyChecking.STRICT);
        assertThat(sftp.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sftp.directory()).isEqualTo(".");
    }

    @Test
    void badSftpSettingsAreNamed() throws IOException {
        write("sftp.json", """
                {"name": "s", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "sftp", "host": "pbx.example", "username": "rapport", "credential": "pbx",
                               "knownHosts": "../ssh/missing", "hostKeyChecking": "ask", "timeout": "30s"}}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "sources/sftp.json: field 'transport.knownHosts': '../ssh/missing' is not a file (looked for "
                        + root.resolve("ssh/missing") + ")",
                "sources/sftp.json: field 'transport.hostKeyChecking': 'ask' is not a host key policy; use strict "
                        + "(the server's key must be in knownHosts) or off (any server is trusted: tests only)",
                "sources/sftp.json: field 'transport.timeout': '30s' is not a duration; write it as ISO-8601, "
                        + "e.g. PT30S");
    }

    @Test
    void httpPagePagingTakesAPageSizeItsParameterAndTheFirstPageNumber() throws IOException {
        write("http.json", """
                {"name": "h", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                 "transport": {"type": "http", "url": "https://survey.example/api/responses?survey=7",
                               "authHeader": "Authorization", "credential": "survey-token",
                               "paging": "page", "pageParam": "page", "pageSize": 100, "pageSizeParam": "per_page",
                               "firstPage": 0, "items": "/data", "timeout": "PT1M"}}
                """);

        assertThat(only().transport()).isEqualTo(new Transport.Http(
                URI.create("https://survey.example/api/responses?survey=7"), "Authorization", "survey-token", "page",
                "page", null, "/data", 100, "per_page", 0, Duration.ofMinutes(1)));
    }

    @Test
    void badHttpSettingsAreNamed() throws IOException {
        write("http.json", """
                {"name": "h", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                 "transport": {"type": "http", "url": "https://survey.example/api", "credential": "token",
                               "paging": "cursor", "pageParam": "after", "nextCursor": "/next",
                               "pageSize": 0, "firstPage": 2, "pageSizeParam": "limit"}}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "sources/http.json: field 'transport.authHeader': is missing: name the header that carries the "
                        + "credential, e.g. Authorization",
                "sources/http.json: field 'transport.pageSize': '0' is not a whole number from 1 to 10000",
                "sources/http.json: field 'transport.firstPage': '2' is not a whole number from 0 to 1",
                "sources/http.json: field 'transport.pageSizeParam': is only for page paging (\"paging\": \"page\")",
                "sources/http.json: field 'transport.pageSize': is missing: pageSizeParam asks for pageSize records "
                        + "per page");
    }

    @Test
    void jdbcStartsFromTheEpochUnlessToldWhereAndQueriesForTenMinutesAtMost() throws IOException {
        write("crm.json", """
                {"name": "c", "kind": "customers", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "jdbc", "dataSource": "java:/crm", "updatedAtColumn": "updated_at",
                               "query": "select * from customer where updated_at > :since"}}
                """);
        write("queues.json", """
                {"name": "q", "kind": "calls", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "jdbc", "dataSource": "java:/pbx", "updatedAtColumn": "date_time",
                               "query": "select * from queue_log where date_time > :since", "initialSince": "0",
                               "timeout": "PT2M"}}
                """);

        SourceDefinitions loaded = load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.named("c").orElseThrow().transport()).isEqualTo(new Transport.Jdbc("java:/crm",
                "select * from customer where updated_at > :since", "updated_at", "1970-01-01T00:00:00",
                Duration.ofMinutes(10)));
        assertThat(loaded.named("q").orElseThrow().transport()).isEqualTo(new Transport.Jdbc("java:/pbx",
                "select * from queue_log where date_time > :since", "date_time", "0", Duration.ofMinutes(2)));
    }

    @Test
    void badJdbcSettingsAreNamed() throws IOException {
        write("crm.json", """
                {"name": "c", "kind": "customers", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "jdbc", "dataSource": "java:/crm", "initialSince": "last tuesday",
                               "query": "select * from customer where updated_at > :since", "timeout": "PT0S"}}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "sources/crm.json: field 'transport.updatedAtColumn': is missing: the query uses :since, the largest "
                        + "value of this column read so far",
                "sources/crm.json: field 'transport.initialSince': 'last tuesday' is neither a number, an ISO date "
                        + "(2020-01-31) nor an ISO date-time (2020-01-31T00:00:00)",
                "sources/crm.json: field 'transport.timeout': 'PT0S' is not a duration; write it as ISO-8601, "
                        + "e.g. PT30S");
    }

    private SourceDefinition only() {
        SourceDefinitions loaded = load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.definitions()).hasSize(1);
        return loaded.definitions().get(0);
    }

    private List<String> problems() {
        SourceDefinitions loaded = load();
        assertThat(loaded.definitions()).isEmpty();
        return loaded.problems().stream().map(Object::toString).toList();
    }

    /**
     * The sources directory, within boundaries that let its sources reach their hosts and databases with
     * their credentials.
     */
    private SourceDefinitions load() {
        Set<String> hosts = Set.of("pbx.example", "survey.example");
        return SourceDefinitions.load(sources, FormatCatalog.standard(), SourceBoundaries.closed(root)
                .withAllowedHosts(hosts.toArray(String[]::new)).withConnections("java:/crm", "java:/pbx")
                .withCredentialHosts(Map.of("pbx", hosts, "survey-token", hosts, "token", hosts)));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(sources.resolve(name), content, StandardCharsets.UTF_8);
    }
}
