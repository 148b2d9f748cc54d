package org.rapport.bench.month;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DuckDB's figures held against Rapport's, slice by slice. Counts behind a figure must be equal; so must
 * every share, worked out from those counts. Means and percentiles may differ by the last kept decimal:
 * the two databases sum doubles in a different order before the value is rounded to two decimals.
 */
public final class FigureComparison {

    private static final Set<String> MEANS = Set.of("TIME_TO_HUMAN_MEAN", "TIME_TO_HUMAN_P90",
            "AVERAGE_SPEED_OF_ANSWER", "EFFORT");
    private static final BigDecimal LAST_DECIMAL = new BigDecimal("0.01");

    /** A figure both computed, side by side. */
    public record Pair(Figure duckDb, Figure rapport) {
        public boolean agrees() {
            if (rapport == null || duckDb.sampleSize() != rapport.sampleSize()) {
                return false;
            }
            if (duckDb.value() == null || rapport.value() == null) {
                return duckDb.value() == rapport.value();
            }
            BigDecimal difference = duckDb.value().subtract(rapport.value()).abs();
            return MEANS.contains(duckDb.code()) ? difference.compareTo(LAST_DECIMAL) <= 0 : difference.signum() == 0;
        }
    }

    private final List<Pair> pairs = new ArrayList<>();

    public FigureComparison(List<Figure> duckDb, List<Figure> rapport) {
        Map<String, Figure> published = rapport.stream()
                .collect(Collectors.toMap(Figure::key, Function.identity(), (first, second) -> first));
        for (Figure figure : duckDb) {
            pairs.add(new Pair(figure, published.get(figure.key())));
        }
    }

    public List<Pair> pairs() {
        return pairs;
    }

    public List<Pair> disagreements() {
        return pairs.stream().filter(pair -> !pair.agrees()).toList();
    }
}
