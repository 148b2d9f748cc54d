package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergePartsTest {

    private static final MergeParts TWO_AT_ONCE = new MergeParts(1_000_000, 2, MergeParts.PartHook.NONE);

    @Test
    void aFileOfLessThanOnePartIsStillCutInAsManyPartsAsAreMergedAtOnce() {
        assertThat(TWO_AT_ONCE.recordsPerPart(800_000)).isEqualTo(400_000);
        assertThat(KeyBuckets.parts(800_000, TWO_AT_ONCE.recordsPerPart(800_000), 0)).hasSize(2);
        assertThat(TWO_AT_ONCE.recordsPerPart(200_001)).isEqualTo(100_001);
    }

    @Test
    void aSurveyExportOfAFewTensOfThousandsOfAnswersIsMergedInTwoParts() {
        assertThat(TWO_AT_ONCE.recordsPerPart(90_344)).isEqualTo(45_172);
        assertThat(KeyBuckets.parts(90_344, TWO_AT_ONCE.recordsPerPart(90_344), 0)).hasSize(2);
        assertThat(KeyBuckets.parts(50_000, TWO_AT_ONCE.recordsPerPart(50_000), 0)).hasSize(2);
    }

    @Test
    void aSmallFileStaysOnePart() {
        assertThat(TWO_AT_ONCE.recordsPerPart(49_998)).isEqualTo(1_000_000);
        assertThat(KeyBuckets.parts(49_998, TWO_AT_ONCE.recordsPerPart(49_998), 0)).hasSize(1);
        assertThat(TWO_AT_ONCE.recordsPerPart(0)).isEqualTo(1_000_000);
    }

    @Test
    void aLargeFileKeepsPartsOfTheConfiguredSize() {
        assertThat(TWO_AT_ONCE.recordsPerPart(8_000_000)).isEqualTo(1_000_000);
        assertThat(TWO_AT_ONCE.recordsPerPart(1_500_000)).isEqualTo(750_000);
    }

    @Test
    void oneAtATimeNeverCutsForTheSakeOfIt() {
        MergeParts oneAtATime = new MergeParts(1_000_000, 1, MergeParts.PartHook.NONE);

        assertThat(KeyBuckets.parts(800_000, oneAtATime.recordsPerPart(800_000), 0)).hasSize(1);
    }
}
