package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How a staged file's keys are spread over buckets, and the buckets over the parts a file is merged in. */
class KeyBucketsTest {

    @Test
    void aKeyAlwaysFallsInTheSameBucketAndKeysSpreadOverAllOfThem() {
        assertThat(KeyBuckets.of("CALL-42")).isEqualTo(KeyBuckets.of(new String("CALL-42")));
        long used = IntStream.range(0, 10_000).map(i -> KeyBuckets.of("K-" + i)).distinct().count();
        assertThat(used).isEqualTo(KeyBuckets.COUNT);
        assertThat(IntStream.range(0, 10_000).map(i -> KeyBuckets.of("K-" + i)))
                .allMatch(bucket -> bucket >= 0 && bucket < KeyBuckets.COUNT);
    }

    @Test
    void aFileSmallerThanAPartIsOnePartOfEveryBucket() {
        assertThat(KeyBuckets.parts(800_000, 1_000_000, 0)).containsExactly(new KeyBuckets.Part(0, 63));
        assertThat(KeyBuckets.parts(0, 1_000_000, 0)).containsExactly(new KeyBuckets.Part(0, 63));
        assertThat(new KeyBuckets.Part(0, 63).mask()).isEqualTo(KeyBuckets.ALL);
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
        assertThat(KeyBuckets.parts(1_000_000_000, 1_000, 0)).as("never more parts than buckets").hasSize(64);
    }

    @Test
    void bucketsMergedAlreadyAreLeftOutEvenWhenThePartsWereCutOtherwise() {
        long firstTwoOfEight = new KeyBuckets.Part(0, 15).mask();
        assertThat(KeyBuckets.parts(8_000_000, 1_000_000, firstTwoOfEight)).hasSize(6)
                .first().isEqualTo(new KeyBuckets.Part(16, 23));

        long mergedInPartsOfTen = new KeyBuckets.Part(0, 9).mask() | new KeyBuckets.Part(20, 29).mask();
        List<KeyBuckets.Part> left = KeyBuckets.parts(2_000_000, 1_000_000, mergedInPartsOfTen);
        assertThat(left).containsExactly(new KeyBuckets.Part(10, 19), new KeyBuckets.Part(30, 31),
                new KeyBuckets.Part(32, 63));
        assertThat(KeyBuckets.parts(8_000_000, 1_000_000, KeyBuckets.ALL)).isEmpty();
    }
}
