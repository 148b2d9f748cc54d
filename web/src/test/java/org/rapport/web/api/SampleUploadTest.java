package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleUploadTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "text/plain", "text/tab-separated-values", "application/json",
            "application/vnd.ms-excel", "application/octet-stream", "TEXT/CSV; charset=windows-1252"})
    void aFileAsASourceDeliversItIsTakenAsASample(String type) {
        assertThat(SampleUpload.isSampleType(MediaType.valueOf(type))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "image/png", "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-msdownload"})
    void anythingElseIsNot(String type) {
        assertThat(SampleUpload.isSampleType(MediaType.valueOf(type))).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is seen as \"{1}\"")
    @CsvSource(textBlock = """
            calls-2025-02.csv,              calls-2025-02.csv
            C:\\Users\\ana\\queue_log,      queue_log
            /home/ana/export 2025.csv,      export 2025.csv
            ../../etc/passwd,               passwd
            ..,                             sample
            '',                             sample
            <script>.csv,                   sample
            """)
    void theSampleIsKnownByAPlainFileNameOnly(String sent, String seen) {
        assertThat(SampleUpload.plainName(Optional.of(sent))).isEqualTo(seen);
    }

    @Test
    void aBodyLongerThanTheLimitIsCutOffWith413() throws IOException {
        InputStream bounded = new UploadLimitFilter.Bounded(new ByteArrayInputStream(new byte[2048]), 1024);

        WebApplicationException refused = catchThrowableOfType(WebApplicationException.class, bounded::readAllBytes);

        assertThat(refused.getResponse().getStatus()).isEqualTo(413);
        assertThat(refused.getResponse().getEntity().toString()).contains("larger than 5 MB");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        InputStream bounded = new UploadLimitFilter.Bounded(new ByteArrayInputStream(new byte[1024]), 1024);

        assertThat(bounded.readAllBytes()).hasSize(1024);
    }
}
