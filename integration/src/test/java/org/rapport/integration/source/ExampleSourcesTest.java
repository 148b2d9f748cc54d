package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/**
 * The example definitions in src/test/resources/sources, one per kind of real source: they load
 * without a problem, and a definition is all it takes to read a real file (no code per source).
 */
class ExampleSourcesTest {

    private final SourceDefinitions sources = SourceDefinitions.load(examples(), FormatCatalog.standard(),
            TestSources.boundaries());

    @Test
    void everyExampleLoads() {
        assertThat(sources.problems()).isEmpty();
        assertThat(sources.definitions()).extracting(SourceDefinition::name).containsExactlyInAnyOrder("bank-ivr",
                "complaints", "freeswitch", "pbx-cdr", "pbx-cdr-custom", "qualtrics", "queues", "surveymonkey",
                "telco-crm");
        assertThat(sources.named("pbx-cdr").orElseThrow().transport()).isEqualTo(new Transport.Sftp(
                "pbx.example.org", 22, "rapport", "/var/log/asterisk/cdr-csv", "pbx-sftp", "Master*.csv", null,
                Transport.HostKeyChecking.STRICT, Duration.ofSeconds(30)));
        assertThat(sources.named("queues").orElseThrow().transport()).isInstanceOf(Transport.Jdbc.class);
        assertThat(sources.named("qualtrics").orElseThrow().transport()).isInstanceOf(Transport.Http.class);
    }

    @Test
    void aDefinitionIsAllItTakesToReadARealFile() {
        assertThat(read("telco-crm", "crm/telco_customers_500.csv")).isEqualTo(500);
        assertThat(read("complaints", "crm/comcast_complaints_300.csv")).isEqualTo(300);
        assertThat(read("pbx-cdr", "ivr/asterisk_cdr_csv_Master.csv")).isEqualTo(36);
        assertThat(read("pbx-cdr-custom", "ivr/asterisk_cdr_custom_Master.csv")).isEqualTo(14);
        assertThat(read("freeswitch", "ivr/freeswitch_cdr_csv_Master.csv")).isEqualTo(8);
        assertThat(read("queues", "ivr/asterisk_queue_log_table.csv")).isEqualTo(14);
        assertThat(read("bank-ivr", "ivr/anonymous_bank_1999-02-01.tsv")).isEqualTo(1547);
        assertThat(read("qualtrics", "survey/qualtrics_export_3header.csv")).isEqualTo(1);
        assertThat(read("surveymonkey", "survey/surveymonkey_export.csv")).isEqualTo(13);
        assertThat(sources.named("bank-ivr").orElseThrow().kind()).isEqualTo(SourceKind.CALLS);
    }

    private int read(String source, String file) {
        IntakeFormat format = TestSources.format(sources.named(source).orElseThrow(), CustomerDirectory.NONE);
        return TestSources.readShared(format, file).records().size();
    }

    private static Path examples() {
        try {
            return Path.of(ExampleSourcesTest.class.getResource("/sources").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
