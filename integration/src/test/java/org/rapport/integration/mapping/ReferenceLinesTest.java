package org.rapport.integration.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first line of each reference of a file, kept without the references themselves. */
class ReferenceLinesTest {

    @Test
    void aReferenceGivenAgainAnswersTheLineItFirstCameAt() {
        ReferenceLines lines = new ReferenceLines();

        assertThat(lines.putIfAbsent("AA1000/17", 2)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("AA1001/17", 3)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("AA1000/17", 9)).isEqualTo(2);
        assertThat(lines.lineOf("AA1001/17")).isEqualTo(3);
        assertThat(lines.lineOf("AA1002/17")).isEqualTo(-1);
    }

    @Test
    void aMillionDifferentReferencesAreAllNewAndEachIsFoundAgain() {
        ReferenceLines lines = new ReferenceLines();

        for (int call = 0; call < 1_000_000; call++) {
            assertThat(lines.putIfAbsent("AA" + (1000 + call % 50) + "/" + call, call + 2L)).isEqualTo(-1);
        }

        assertThat(lines.size()).isEqualTo(1_000_000);
        for (int call = 0; call < 1_000_000; call += 997) {
            assertThat(lines.lineOf("AA" + (1000 + call % 50) + "/" + call)).isEqualTo(call + 2L);
        }
    }
}
