package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Camel endpoint URIs made from folders and option values that are never read as Camel's own syntax. */
class EndpointUriTest {

    @Test
    void aFolderOfLettersDigitsSpacesAndPathSignsIsTheEndpointsBase() {
        assertThat(EndpointUri.folder(Path.of("/var/lib/rapport/crm outbox"))).isEqualTo(
                "file:/var/lib/rapport/crm outbox");
        assertThat(EndpointUri.folder(Path.of("/srv/données/rapport-2026_v1.0/~in"))).isEqualTo(
                "file:/srv/données/rapport-2026_v1.0/~in");
        assertThat(EndpointUri.folder(Path.of("data/intake"))).isEqualTo("file:data/intake");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/out?fileExist=Append", "/out#frag", "/out%2F..", "/out+more", "/out&x=1", "/out=1",
            "/out,b", "/out/{{env:HOME}}", "/out/${date:now}", "/out/'quoted'", "/out/\"quoted\"", "/out/a;b",
            "/out/tab\there", "/out/line\nbreak"})
    void aFolderHoldingAnythingCamelWouldReadAsItsOwnIsRefusedByName(String folder) {
        assertThatThrownBy(() -> EndpointUri.folder(Path.of(folder)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits, spaces and");
    }

    @Test
    void optionValuesAreEncodedSoNoneStartsAnotherOption() {
        assertThat(EndpointUri.of("file:/out", Map.of("tempFileName", ".${file:name}.tmp&fileExist=Append")))
                .isEqualTo("file:/out?tempFileName=.%24%7Bfile%3Aname%7D.tmp%26fileExist%3DAppend");
        assertThatThrownBy(() -> EndpointUri.of("https://crm.example/a?b=c", Map.of()))
                .hasMessageContaining("no query or fragment");
    }
}
