package org.rapport.integration.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    @Test
    void multiByteCharactersAcrossBufferBoundariesAreReadIntactEvenOneCharacterAtATime() throws IOException {
        String text = "é€😀\n".repeat(3_000);

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(text);
        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 10_000)).isEqualTo(text);
    }

    @Test
    void aLeadingByteOrderMarkIsDroppedAndALaterOneKept() throws IOException {
        assertThat(readAll("\uFEFFa,b\n\uFEFF".getBytes(StandardCharsets.UTF_8), 100)).isEqualTo("a,b\n\uFEFF");
        assertThat(readAll("\uFEFF".getBytes(StandardCharsets.UTF_8), 100)).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8FarIntoTheFileAreReportedOnTheirLine() {
        byte[] good = "plain ascii line\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0xE9;
        bytes[good.length + 2] = 'y';

        assertThatThrownBy(() -> readAll(bytes, 4096)).isInstanceOf(NotTextException.class)
                .hasMessage("not text: bytes that are not UTF-8 at line 5001");
    }

    @Test
    void aMultiByteCharacterCutOffAtTheEndIsNotText() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = {'a', '\n', euro[0], euro[1]};

        assertThatThrownBy(() -> readAll(cut, 100)).isInstanceOf(NotTextException.class)
                .hasMessage("not text: bytes that are not UTF-8 at line 2");
    }

    @Test
    void whitespaceOnlyTextIsRecognised() throws IOException {
        StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(" \r\n\t".getBytes(StandardCharsets.UTF_8)));
        reader.readToEnd();

        assertThat(reader.onlyWhitespaceSoFar()).isTrue();
    }

    private static String readAll(byte[] bytes, int chunk) throws IOException {
        StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int count = reader.read(buffer, 0, chunk); count >= 0; count = reader.read(buffer, 0, chunk)) {
            text.append(buffer, 0, count);
        }
        return text.toString();
    }
}
