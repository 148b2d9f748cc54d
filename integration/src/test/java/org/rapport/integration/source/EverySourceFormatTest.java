package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** What every format of the example sources does with a file that is no data at all. */
class EverySourceFormatTest {

    /** The first bytes of a PNG image: a binary file dropped by mistake. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** A name the telco source's companion pattern takes; the other formats do not look at names. */
    private static final String DELIVERED = "telco_customers_500.csv";

    static Stream<SourceDefinition> sources() throws URISyntaxException {
        return SourceDefinitions.load(Path.of(EverySourceFormatTest.class.getResource("/sources").toURI()),
                FormatCatalog.standard(), TestSources.boundaries()).definitions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aZeroByteFileIsRejectedAsEmpty(SourceDefinition source) {
        IntakeBatch batch = TestSources.read(format(source), DELIVERED, new byte[0]);

        assertThat(batch.rejection()).startsWith("line 1, field (record): file is empty");
        assertThat(batch.kind()).isEqualTo(source.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aBinaryFileIsRejectedAsNotText(SourceDefinition source) {
        IntakeBatch batch = TestSources.read(format(source), DELIVERED, PNG);

        assertThat(batch.rejection()).contains("not text: ").contains("(binary data)");
    }

    private static IntakeFormat format(SourceDefinition source) {
        return TestSources.format(source, CustomerDirectory.NONE);
    }
}
