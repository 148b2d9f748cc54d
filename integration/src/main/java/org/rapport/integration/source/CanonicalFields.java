package org.rapport.integration.source;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.integration.canonical.CallCsvFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.canonical.PurchaseCsvFormat;
import org.rapport.integration.canonical.SurveyResponseCsvFormat;

/**
 * The canonical fields of each kind, by the names the canonical CSVs use, and what their values may
 * be: a definition's field and value mappings are checked against these.
 */
public final class CanonicalFields {

    public static final List<String> SERVICE_CASE = List.of("case_id", "customer_id", "opened_at", "closed_at",
            "channel", "kind", "category", "text");

    private static final Map<SourceKind, List<String>> FIELDS = Map.of(
            SourceKind.CUSTOMERS, Stream.concat(CustomerCsvFormat.COLUMNS.stream(),
                    CustomerCsvFormat.IDENTIFIER_COLUMNS.stream()).toList(),
            SourceKind.PURCHASES, Stream.concat(Stream.of(PurchaseCsvFormat.ID_COLUMN),
                    PurchaseCsvFormat.COLUMNS.stream()).toList(),
            SourceKind.SERVICE_CASES, SERVICE_CASE,
            SourceKind.CALLS, CallCsvFormat.COLUMNS,
            SourceKind.SURVEY_RESPONSES, SurveyResponseCsvFormat.COLUMNS);

    private static final Map<String, Class<? extends Enum<?>>> CHOICES = Map.of(
            "status", CustomerStatus.class,
            "churn_reason", ChurnReason.class,
            "outcome", CallOutcome.class,
            "kind", ServiceCaseKind.class);

    /** Scores a value mapping may map words onto, as {min, max}. */
    private static final Map<String, int[]> SCORES = Map.of("nps", new int[] {0, 10}, "csat", new int[] {1, 5},
            "effort", new int[] {1, 7});

    private CanonicalFields() {
    }

    /** The canonical fields of a kind, in the canonical CSV's order. */
    public static Set<String> of(SourceKind kind) {
        return new LinkedHashSet<>(FIELDS.get(kind));
    }

    /** The canonical fields of a kind and some more a format adds. */
    public static Set<String> of(SourceKind kind, String... extra) {
        Set<String> fields = of(kind);
        fields.addAll(List.of(extra));
        return fields;
    }

    /** Empty when {@code word} is a value {@code field} can take, else why it is not. */
    static Optional<String> checkTarget(String field, String word) {
        Class<? extends Enum<?>> choice = CHOICES.get(field);
        if (choice != null) {
            for (Enum<?> constant : choice.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(word)) {
                    return Optional.empty();
                }
            }
            return Optional.of("'" + word + "' is not one of " + Arrays.stream(choice.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        int[] range = SCORES.get(field);
        if (range != null) {
            try {
                int score = Integer.parseInt(word);
                if (score >= range[0] && score <= range[1]) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return Optional.of("'" + word + "' is not a whole number between " + range[0] + " and " + range[1]);
        }
        return Optional.empty();
    }
}
