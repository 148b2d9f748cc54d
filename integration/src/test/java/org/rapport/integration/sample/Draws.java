package org.rapport.integration.sample;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * The random draws the sample generators share, on a seeded {@link Random} and {@link StrictMath}
 * only, so the same seed gives the same bytes on every JVM and processor.
 */
final class Draws {

    private final Random random;

    Draws(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /** A log-normal whole number: half of the draws fall below {@code median}; {@code spread} widens the tail. */
    int logNormal(double median, double spread, int lowest, int highest) {
        double value = median * StrictMath.exp(spread * random.nextGaussian());
        return (int) Math.max(lowest, Math.min(highest, StrictMath.round(value)));
    }

    /** A normal draw rounded and clamped to {@code lowest..highest}. */
    int normal(double mean, double deviation, int lowest, int highest) {
        double value = mean + deviation * random.nextGaussian();
        return (int) Math.max(lowest, Math.min(highest, StrictMath.round(value)));
    }

    <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One item, each as likely as its weight. */
    <T> T weighted(List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double point = random.nextDouble() * total;
        for (T item : items) {
            point -= weight.applyAsDouble(item);
            if (point < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }
}
