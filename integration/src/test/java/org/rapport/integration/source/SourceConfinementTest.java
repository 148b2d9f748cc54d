package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.integration.FormatCatalog;

/**
 * A definition reaches only where the administrator allows: file roots, declared connections, allowed
 * hosts, credentials bound to hosts. Each refusal names the file, the field and the rule broken, alike
 * whether the definition came by REST (nothing is written) or lies in the sources directory (it is left
 * out).
 */
class SourceConfinementTest {

    @TempDir
    Path root;
    Path sources;
    SourceBoundaries boundaries;

    @BeforeEach
    void createInstallation() throws IOException {
        sources = Files.createDirectories(root.resolve("sources"));
        Files.createDirectories(root.resolve("drops/billing"));
        Files.createDirectories(root.resolve("intake/billing"));
        Files.createDirectories(root.resolve("intake/customers"));
        Files.createDirectories(root.resolve("outside"));
        Files.writeString(root.resolve("outside/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        boundaries = SourceBoundaries.closed(root)
                .withFileRoots(root.resolve("drops"), root.resolve("intake"))
                .withAllowedHosts("crm.example", "pbx.example")
                .withConnections("java:/jdbc/crm", "java:jboss/datasources/RapportDS")
                .withCredentialHosts(Map.of("crm-token", Set.of("crm.example"), "pbx-sftp", Set.of("pbx.example")));
    }

    // ---- file sources ----

    @Test
    void aFileSourceInsideAConfiguredRootIsTaken() throws IOException {
        assertThat(accepted("billing", fileSource("../drops/billing"))).isNotNull();
    }

    @Test
    void aFileSourceOutsideEveryRootIsRefused() throws IOException {
        DefinitionProblem problem = refused("billing", fileSource(root.resolve("outside").toString()));

        assertThat(problem.field()).isEqualTo("transport.directory");
        assertThat(problem.message()).contains("outside the folders file sources may read")
                .contains(SourceBoundaries.FILE_ROOTS);
    }

    @Test
    void aRefusalOutsideTheRootsTellsNothingOfWhatIsThere() throws IOException {
        DefinitionProblem there = refused("billing", fileSource(root.resolve("outside").toString()));
        DefinitionProblem notThere = refused("billing", fileSource(root.resolve("nowhere").toString()));
        DefinitionProblem aFile = refused("billing", fileSource(root.resolve("outside/passwd").toString()));

        assertThat(List.of(there, notThere, aFile)).extracting(DefinitionProblem::message)
                .allSatisfy(message -> assertThat(message).contains("is outside the folders file sources may read")
                        .doesNotContain("does not exist").doesNotContain("is a file"));
    }

    @Test
    void aFileSourceClimbingOutWithDotDotIsRefused() throws IOException {
        DefinitionProblem problem = refused("billing", fileSource("../drops/../outside"));

        assertThat(problem.field()).isEqualTo("transport.directory");
        assertThat(problem.message()).contains("'..'");
    }

    @Test
    void aFileSourceWhoseFolderNameCamelWouldReadAsOptionsIsRefusedEvenInsideARoot() throws IOException {
        for (String folder : List.of("in?delete=false", "in{{env:HOME}}", "in${date:now}", "in%2e%2e")) {
            Files.createDirectories(root.resolve("drops").resolve(folder));

            DefinitionProblem problem = refused("billing", fileSource("../drops/" + folder));

            assertThat(problem.field()).as(folder).isEqualTo("transport.directory");
            assertThat(problem.message()).as(folder).contains("letters, digits, spaces and");
        }
    }

    @Test
    void aFileSourceThroughALinkThatLeavesItsRootIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("drops/escape"), root.resolve("outside"));

        DefinitionProblem problem = refused("billing", fileSource("../drops/escape"));

        assertThat(problem.field()).isEqualTo("transport.directory");
        assertThat(problem.message()).contains("outside the folders file sources may read")
                .contains(root.resolve("outside").toRealPath().toString());
    }

    @Test
    void aFileSourceWithTheDefaultBoundariesReadsOnlyItsOwnIntakeFolder() throws IOException {
        boundaries = SourceBoundaries.closed(root);

        assertThat(accepted("billing", fileSource("../intake/billing"))).isNotNull();
        assertThat(refused("billing", fileSource("../drops/billing")).field()).isEqualTo("transport.directory");
        DefinitionProblem another = refused("billing", fileSource("../intake/customers"));
        assertThat(another.message()).contains("another source's intake folder");
    }

    @Test
    void aFileSourceMayNotReadTheSourcesDirectory() throws IOException {
        boundaries = boundaries.withFileRoots(root);

        DefinitionProblem problem = refused("billing", fileSource("."));

        assertThat(problem.field()).isEqualTo("transport.directory");
        assertThat(problem.message()).contains("the sources directory");
    }

    @Test
    void aCompanionOutsideTheRootsOrNamedWithAPathIsRefused() throws IOException {
        String telco = """
                {"name": "telco", "kind": "customers", "format": "ibm-telco", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "../drops/billing"},
                 "companion": {"file": "%s", "directory": "%s"},
                 "fields": {"consent_analytics": {"constant": "false"}, "consent_contact": {"constant": "false"}},
                 "options": {"snapshotDate": "2026-10-01"}}
                """;

        DefinitionProblem outside = refused("telco", telco.formatted("status.csv", root.resolve("outside")));
        assertThat(outside.field()).isEqualTo("companion.directory");
        assertThat(outside.message()).contains("outside the folders file sources may read");

        DefinitionProblem path = refused("telco", telco.formatted("../../outside/passwd", "../drops/billing"));
        assertThat(path.field()).isEqualTo("companion.file");
        assertThat(path.message()).contains("a file name, not a path");
    }

    // ---- JDBC sources ----

    @Test
    void aJdbcSourceOnADataSourceNotDeclaredAsASourceConnectionIsRefused() throws IOException {
        DefinitionProblem problem = refused("crm", jdbcSource("java:/jdbc/billing", "select * from customer"));

        assertThat(problem.field()).isEqualTo("transport.dataSource");
        assertThat(problem.message()).contains("not declared as a source connection")
                .contains(SourceBoundaries.CONNECTIONS);
    }

    @Test
    void aJdbcSourceOnRapportsOwnDataSourceIsRefusedEvenWhenDeclared() throws IOException {
        DefinitionProblem problem = refused("crm", jdbcSource("java:jboss/datasources/RapportDS",
                "select file_read('/etc/passwd') as customer_id"));

        assertThat(problem.field()).isEqualTo("transport.dataSource");
        assertThat(problem.message()).contains("Rapport's own");
    }

    @Test
    void aJdbcQueryMustBeOneSelectThatOnlyReads() throws IOException {
        for (String query : List.of("select * from customer; delete from customer",
                "delete from customer",
                "with gone as (delete from customer returning *) select * from gone",
                "select * into stolen from customer",
                "select * from customer for update",
                "select * from where")) {
            DefinitionProblem problem = refused("crm", jdbcSource("java:/jdbc/crm", query));
            assertThat(problem.field()).as(query).isEqualTo("transport.query");
            assertThat(problem.message()).as(query).contains("one SELECT");
        }
        assertThat(accepted("crm", jdbcSource("java:/jdbc/crm",
                "select c.*, s.label from customer c join status s on s.id = c.status_id "
                        + "where c.updated_at > :since::timestamp order by c.updated_at"))).isNotNull();
    }

    // ---- HTTP and SFTP sources ----

    @Test
    void anHttpSourceToAHostOffTheAllowListIsRefused() throws IOException {
        DefinitionProblem problem = refused("api", httpSource("http://169.254.169.254/latest/meta-data", null));

        assertThat(problem.field()).isEqualTo("transport.url");
        assertThat(problem.message()).contains("'169.254.169.254' is not an allowed host")
                .contains(SourceBoundaries.ALLOWED_HOSTS);
    }

    @Test
    void noHostIsAllowedByDefault() throws IOException {
        boundaries = SourceBoundaries.closed(root);

        assertThat(refused("api", httpSource("https://crm.example/api", null)).message())
                .contains("no host is allowed");
    }

    @Test
    void anHttpUrlCarryingAUserOrAFragmentIsRefused() throws IOException {
        assertThat(refused("api", httpSource("https://crm.example@evil.example/api", null)).field())
                .isEqualTo("transport.url");
        assertThat(refused("api", httpSource("https://crm.example/api#x", null)).field()).isEqualTo("transport.url");
    }

    @Test
    void aCredentialGoesOnlyToTheHostsItIsBoundTo() throws IOException {
        assertThat(accepted("api", httpSource("https://crm.example/api", "crm-token"))).isNotNull();

        DefinitionProblem elsewhere = refused("api", httpSource("https://pbx.example/api", "crm-token"));
        assertThat(elsewhere.field()).isEqualTo("transport.credential");
        assertThat(elsewhere.message()).contains("'crm-token' may only be sent to crm.example")
                .contains("rapport.credential.crm-token.hosts");

        DefinitionProblem unbound = refused("api", httpSource("https://crm.example/api", "other-token"));
        assertThat(unbound.message()).contains("is bound to no host").contains("rapport.credential.other-token.hosts");
    }

    @Test
    void aCredentialNameIsLettersDigitsDashesAndUnderscores() throws IOException {
        DefinitionProblem problem = refused("api", httpSource("https://crm.example/api", "crm-token.hosts"));

        assertThat(problem.field()).isEqualTo("transport.credential");
        assertThat(problem.message()).contains("not a credential name");
    }

    @Test
    void anSftpSourceToAHostOffTheAllowListIsRefused() throws IOException {
        DefinitionProblem problem = refused("pbx", sftpSource("10.0.0.9", "cdr", ""));

        assertThat(problem.field()).isEqualTo("transport.host");
        assertThat(problem.message()).contains("'10.0.0.9' is not an allowed host");
    }

    @Test
    void hostKeyCheckingCanBeSwitchedOffInDevelopmentModeOnly() throws IOException {
        String unchecked = sftpSource("pbx.example", "cdr", "\"hostKeyChecking\": \"off\",");

        DefinitionProblem problem = refused("pbx", unchecked);
        assertThat(problem.field()).isEqualTo("transport.hostKeyChecking");
        assertThat(problem.message()).contains(SourceBoundaries.DEVELOPMENT_MODE);

        boundaries = boundaries.inDevelopmentMode(true);
        assertThat(accepted("pbx", unchecked)).isNotNull();
    }

    @Test
    void aKnownHostsFileIsReadOnlyFromTheFoldersKeptForThem() throws IOException {
        Files.createDirectories(root.resolve("ssh"));
        Files.writeString(root.resolve("ssh/known_hosts"), "pbx.example ssh-ed25519 AAAAC3Nza\n");

        assertThat(accepted("pbx", sftpSource("pbx.example", "cdr", "\"knownHosts\": \"../ssh/known_hosts\","))
                .transport()).isInstanceOfSatisfying(Transport.Sftp.class, sftp ->
                        assertThat(sftp.knownHosts()).isEqualTo(root.resolve("ssh/known_hosts")));
        DefinitionProblem problem = refused("pbx", sftpSource("pbx.example", "cdr",
                "\"knownHosts\": \"" + root.resolve("outside/passwd") + "\","));
        assertThat(problem.field()).isEqualTo("transport.knownHosts");
        assertThat(problem.message()).contains("outside the folders known_hosts files are read from")
                .contains(SourceBoundaries.KNOWN_HOSTS_DIRS);
    }

    @Test
    void anSftpDirectoryCannotCarryEndpointOptions() throws IOException {
        DefinitionProblem problem = refused("pbx", sftpSource("pbx.example", "cdr?delete=true&noop=false", ""));

        assertThat(problem.field()).isEqualTo("transport.directory");
    }

    // ---- values that used to end up in endpoint URIs ----

    @Test
    void aCronIsCheckedByQuartzAndCannotCarryEndpointOptions() throws IOException {
        for (String cron : List.of("0 0 25 * * ?", "0 0 2 * * ?&fireNow=true", "0 0 2 ? * MON-FRI&x")) {
            DefinitionProblem problem = refused("billing", fileSource("../drops/billing")
                    .replace("\"timeZone\"", "\"schedule\": \"" + cron + "\", \"timeZone\""));
            assertThat(problem.field()).as(cron).isEqualTo("schedule");
            assertThat(problem.message()).as(cron).contains("cron");
        }
    }

    @Test
    void anIncludeIsAGlobOverFileNamesOnly() throws IOException {
        DefinitionProblem problem = refused("billing", fileSource("../drops/billing")
                .replace("\"directory\"", "\"include\": \"../*.csv\", \"directory\""));

        assertThat(problem.field()).isEqualTo("transport.include");
        assertThat(problem.message()).contains("file names");
    }

    // ---- helpers ----

    private String fileSource(String directory) {
        return """
                {"name": "billing", "kind": "purchases", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "%s"}}
                """.formatted(directory);
    }

    private static String jdbcSource(String dataSource, String query) {
        boolean incremental = query.contains(":since");
        return """
                {"name": "crm", "kind": "customers", "format": "generic-csv", "timeZone": "UTC",
                 "transport": {"type": "jdbc", "dataSource": "%s", "query": "%s"%s}}
                """.formatted(dataSource, query, incremental ? ", \"updatedAtColumn\": \"updated_at\"" : "");
    }

    private static String httpSource(String url, String credential) {
        return """
                {"name": "api", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                 "transport": {"type": "http", "url": "%s"%s},
                 "fields": {"response_id": "id", "customer_id": "customer", "responded_at": "at", "nps": "nps"}}
                """.formatted(url, credential == null ? ""
                        : ", \"authHeader\": \"Authorization\", \"credential\": \"" + credential + "\"");
    }

    private static String sftpSource(String host, String directory, String hostKeySetting) {
        return """
                {"name": "pbx", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "sftp", "host": "%s", "username": "rapport", "credential": "pbx-sftp", %s
                               "directory": "%s"}}
                """.formatted(host, hostKeySetting, directory);
    }

    private SourceDirectory directory() {
        return new SourceDirectory(sources, FormatCatalog.standard(), boundaries);
    }

    /** Taken both ways: saved by REST and loaded from the directory. */
    private SourceDefinition accepted(String name, String json) throws IOException {
        assertThat(directory().save(name, json)).as("problems when saved").isEmpty();
        SourceDefinitions loaded = directory().load();
        assertThat(loaded.problems()).as("problems when loaded").isEmpty();
        Files.delete(sources.resolve(name + ".json"));
        return loaded.named(name).orElseThrow();
    }

    /**
     * Refused both ways with the same single problem: by REST nothing is written, from the directory
     * nothing is defined.
     */
    private DefinitionProblem refused(String name, String json) throws IOException {
        List<DefinitionProblem> saved = directory().save(name, json);
        assertThat(sources.resolve(name + ".json")).as("written by a refused save").doesNotExist();

        Files.writeString(sources.resolve(name + ".json"), json);
        SourceDefinitions loaded = directory().load();
        Files.delete(sources.resolve(name + ".json"));

        assertThat(loaded.definitions()).as("defined from a refused file").isEmpty();
        assertThat(saved).as("problems when saved").hasSize(1);
        assertThat(loaded.problems()).as("problems when loaded").containsExactlyElementsOf(saved);
        DefinitionProblem problem = saved.get(0);
        assertThat(problem.file()).isEqualTo("sources/" + name + ".json");
        assertThat(root.resolve("outside/passwd")).as("the file outside").exists();
        return problem;
    }
}
