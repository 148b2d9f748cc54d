package org.rapport.rules.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one evaluation of a rule set may take — one rule session: the KPIs of a month, a page of
 * comments, a batch of customers, a scenario: at most {@code timeout} of time and
 * {@code maxAllocatedBytes} of memory allocated by the thread that fires the rules, on one of
 * {@code threads} evaluation threads. Together with the firing limits of {@link RuleSetCompiler}.
 *
 * <p>Settings, read as Java system properties, else as environment variables (upper case, dots and
 * dashes as underscores, e.g. {@code RAPPORT_RULES_BUDGET_TIMEOUT_SECONDS}):
 * {@value #TIMEOUT_SECONDS} (default {@value #DEFAULT_TIMEOUT_SECONDS}),
 * {@value #MAX_ALLOCATED_MB} (default {@value #DEFAULT_MAX_ALLOCATED_MB}),
 * {@value #THREADS} (default {@value #DEFAULT_THREADS}).
 */
public record RuleBudget(Duration timeout, long maxAllocatedBytes, int threads) {

    public static final String TIMEOUT_SECONDS = "rapport.rules.budget.timeout-seconds";
    public static final String MAX_ALLOCATED_MB = "rapport.rules.budget.max-allocated-mb";
    public static final String THREADS = "rapport.rules.budget.threads";

    static final long DEFAULT_TIMEOUT_SECONDS = 60;
    static final long DEFAULT_MAX_ALLOCATED_MB = 512;
    static final int DEFAULT_THREADS = 4;

    public RuleBudget {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the rule budget's timeout must be positive, was " + timeout);
        }
        if (maxAllocatedBytes < 1) {
            throw new IllegalArgumentException("the rule budget's allocation must be positive, was " + maxAllocatedBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("the rule budget needs at least one thread, was " + threads);
        }
    }

    /** The budget the settings give, with the defaults for those not set. */
    public static RuleBudget configured() {
        return configured(RuleBudget::setting);
    }

    static RuleBudget configured(Function<String, String> settings) {
        return new RuleBudget(
                Duration.ofSeconds(number(settings, TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)),
                number(settings, MAX_ALLOCATED_MB, DEFAULT_MAX_ALLOCATED_MB) * 1024 * 1024,
                (int) number(settings, THREADS, DEFAULT_THREADS));
    }

    private static long number(Function<String, String> settings, String name, long defaultValue) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("Setting " + name + " must be a whole number, was \"" + value + "\"", notANumber);
        }
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property
                : System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
}
