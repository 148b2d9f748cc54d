package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The buckets (partitions) of a staged file's keys, and the parts a file is merged in. */
class KeyBucketsTest {

    @Test
    void aBucketsRowsAreInThePartitionOfItsNumber() {
        assertThat(KeyBuckets.partition("staged_call_record", 0)).isEqualTo("staged_call_record_p00");
        assertThat(KeyBuckets.partition("call_record", 15)).isEqualTo("call_record_p15");
        assertThatThrownBy(() -> KeyBuckets.partition("call_record", 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileSmallerThanAPartIsOnePartOfEveryBucket() {
        assertThat(KeyBuckets.parts(800_000, 1_000_000, 0)).containsExactly(new KeyBuckets.Part(0, 15));
        assertThat(KeyBuckets.parts(0, 1_000_000, 0)).containsExactly(new KeyBuckets.Part(0, 15));
        assertThat(new KeyBuckets.Part(0, 15).mask()).isEqualTo(KeyBuckets.ALL);
    }

    @Test
    void aLargeFileIsCutIntoPartsThatCoverEveryBucketOnce() {
        List<KeyBuckets.Part> parts = KeyBuckets.parts(8_000_000, 1_000_000, 0);

        assertThat(parts).hasSize(8);
        long covered = 0;
        for (KeyBuckets.Part part : parts) {
            assertThat(covered & part.mask()).as("no bucket in two parts").isZero();
            covered |= part.mask();
        }
        assertThat(covered).isEqualTo(KeyBuckets.ALL);
        assertThat(KeyBuckets.parts(1_000_000_000, 1_000, 0)).as("never more parts than buckets")
                .hasSize(KeyBuckets.COUNT);
    }

    @Test
    void bucketsMergedAlreadyAreLeftOutEvenWhenThePartsWereCutOtherwise() {
        long firstTwoOfEight = new KeyBuckets.Part(0, 3).mask();
        assertThat(KeyBuckets.parts(8_000_000, 1_000_000, firstTwoOfEight)).hasSize(6)
                .first().isEqualTo(new KeyBuckets.Part(4, 5));

        long mergedInPartsOfThree = new KeyBuckets.Part(0, 2).mask() | new KeyBuckets.Part(6, 8).mask();
        List<KeyBuckets.Part> left = KeyBuckets.parts(2_000_000, 1_000_000, mergedInPartsOfThree);
        assertThat(left).containsExactly(new KeyBuckets.Part(3, 5), new KeyBuckets.Part(9, 15));
        assertThat(KeyBuckets.parts(8_000_000, 1_000_000, KeyBuckets.ALL)).isEmpty();
    }
}
