package org.rapport.rules.engine;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KPI codes and breakdowns a rule or scenario may name, so that a misspelt one is an error rather
 * than a rule that never fires. A breakdown slice is written {@code name=value} ({@code channel=phone},
 * {@code value_band=high}); the company-wide figure is {@value org.rapport.rules.facts.Kpi#OVERALL}. The
 * engine knows the KPI catalogue and hands it in; without it ({@link #breakdownsOnly()}) only the spelling
 * of breakdowns is checked. Immutable.
 *
 * @param breakdownsByCode each KPI code and the breakdowns it is measured by; empty when the codes are not known
 */
public record KpiVocabulary(Map<String, List<String>> breakdownsByCode) {

    /** The breakdowns a KPI can be sliced by, as they start its dimension ({@code name=}). */
    public static final List<String> BREAKDOWNS = List.of("segment", "value_band", "channel", "engagement");

    public KpiVocabulary {
        breakdownsByCode = Map.copyOf(breakdownsByCode);
    }

    /** Checks breakdowns only; any KPI code is accepted. */
    public static KpiVocabulary breakdownsOnly() {
        return new KpiVocabulary(Map.of());
    }

    /** The catalogue: each code with the breakdowns it is measured by, in the catalogue's order. */
    public static KpiVocabulary of(Map<String, List<String>> breakdownsByCode) {
        return new KpiVocabulary(new LinkedHashMap<>(breakdownsByCode));
    }

    boolean knowsCodes() {
        return !breakdownsByCode.isEmpty();
    }

    /** The KPI codes, sorted. */
    public List<String> codes() {
        return breakdownsByCode.keySet().stream().sorted().toList();
    }

    /** Why {@code code} is not a KPI code, or empty when it is (or codes are not known). */
    Optional<String> unknownCode(String code) {
        if (!knowsCodes() || breakdownsByCode.containsKey(code)) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        String hint = breakdownsByCode.containsKey(upper) ? "write " + upper
                : closest(code, breakdownsByCode.keySet()).map(near -> "did you mean " + near + "?")
                        .orElse("the codes are listed by GET /rapport/api/kpis");
        return Optional.of("No KPI has the code \"" + code + "\": " + hint);
    }

    /**
     * Why {@code dimension} is not a dimension a KPI is measured by, or empty when it is. {@code codes} are the
     * KPI codes the same condition names (to check the KPI has that breakdown); empty when it names none.
     */
    Optional<String> unknownDimension(String dimension, Set<String> codes) {
        if (org.rapport.rules.facts.Kpi.OVERALL.equals(dimension)) {
            return Optional.empty();
        }
        int equals = dimension.indexOf('=');
        if (equals < 0) {
            return Optional.of("\"" + dimension + "\" is not a dimension: " + spellingHint(dimension));
        }
        String breakdown = dimension.substring(0, equals);
        String value = dimension.substring(equals + 1);
        if (!BREAKDOWNS.contains(breakdown)) {
            return Optional.of("\"" + dimension + "\" names no breakdown \"" + breakdown + "\": " + spellingHint(dimension));
        }
        if (value.isBlank()) {
            return Optional.of("\"" + dimension + "\" has no value after the '=': write e.g. " + breakdown + "=" + example(breakdown));
        }
        for (String code : codes) {
            List<String> measured = breakdownsByCode.get(code);
            if (measured != null && !measured.contains(breakdown)) {
                return Optional.of(code + " is not measured by " + breakdown + ", so \"" + dimension + "\" never occurs: "
                        + (measured.isEmpty() ? code + " has no breakdown, only " + org.rapport.rules.facts.Kpi.OVERALL
                                : "its breakdowns are " + String.join(", ", measured)));
            }
        }
        return Optional.empty();
    }

    /** Why a {@code dimension.startsWith(prefix)} can never hold, or empty when some dimension starts so. */
    Optional<String> unknownDimensionPrefix(String prefix) {
        if (org.rapport.rules.facts.Kpi.OVERALL.startsWith(prefix)) {
            return Optional.empty();
        }
        for (String breakdown : BREAKDOWNS) {
            if ((breakdown + "=").startsWith(prefix) || prefix.startsWith(breakdown + "=")) {
                return Optional.empty();
            }
        }
        return Optional.of("no dimension starts with \"" + prefix + "\": " + spellingHint(prefix));
    }

    private static String spellingHint(String written) {
        String suggestion = "";
        for (String separator : List.of(":", ".", "/", " ", "-")) {
            int at = written.indexOf(separator);
            if (at > 0 && BREAKDOWNS.contains(written.substring(0, at))) {
                suggestion = "write " + written.substring(0, at) + "=" + written.substring(at + separator.length()) + "; ";
                break;
            }
        }
        return suggestion + "a breakdown is written name=value, the name one of " + String.join(", ", BREAKDOWNS)
                + " (e.g. channel=phone, value_band=high), and the company-wide figure is \""
                + org.rapport.rules.facts.Kpi.OVERALL + "\" (Kpi.OVERALL)";
    }

    private static String example(String breakdown) {
        return switch (breakdown) {
            case "channel" -> "phone";
            case "value_band" -> "high";
            case "engagement" -> "engaged";
            default -> "business";
        };
    }

    /** The known name nearest to {@code written}, when it is close enough to be a typo. */
    static Optional<String> closest(String written, java.util.Collection<String> known) {
        return known.stream()
                .map(name -> Map.entry(name, distance(written.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT))))
                .filter(entry -> entry.getValue() <= Math.max(2, Math.min(3, entry.getKey().length() / 3)))
                .min(Comparator.comparing(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance: how many letters to add, remove or change to turn one word into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
