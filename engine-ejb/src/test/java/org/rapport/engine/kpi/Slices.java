package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading measured slices in tests: one code's figures keyed by dimension. */
final class Slices {

    private final Map<String, Measurement> byDimension;

    private Slices(Map<String, Measurement> byDimension) {
        this.byDimension = byDimension;
    }

    static Slices of(String code, List<Measurement> measured) {
        return new Slices(measured.stream().filter(m -> m.code().equals(code))
                .collect(Collectors.toMap(Measurement::dimension, m -> m, (a, b) -> {
                    throw new AssertionError(code + " measured twice for " + a.dimension());
                }, java.util.LinkedHashMap::new)));
    }

    /** Asserts the slice's value (two decimals) and the observations it rests on. */
    Slices has(String dimension, String value, long sampleSize) {
        assertThat(byDimension).as("slices measured").containsKey(dimension);
        Measurement measurement = byDimension.get(dimension);
        if (value == null) {
            assertThat(measurement.value()).as(dimension).isNull();
        } else {
            assertThat(measurement.value()).as(dimension).isEqualByComparingTo(value);
        }
        assertThat(measurement.sampleSize()).as(dimension + " sample").isEqualTo(sampleSize);
        return this;
    }

    /** Asserts exactly these dimensions were measured, in this order. */
    Slices dimensions(String... dimensions) {
        assertThat(byDimension.keySet()).containsExactly(dimensions);
        return this;
    }
}
