package org.rapport.engine.readiness;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.rapport.engine.intake.SourceKind;

/**
 * Decides whether a month is complete from what each source delivered, the month's marks and the rule
 * each source follows. Pure and thread-safe: the ledger is read elsewhere.
 */
public final class ReadinessRules {

    /** The name a month waits under when no source has delivered anything at all. */
    public static final String ANY_SOURCE = "(any source)";

    private final BiFunction<String, SourceKind, Completeness> ruleOf;

    /** @param ruleOf the completeness rule of a source, by its name and kind */
    public ReadinessRules(BiFunction<String, SourceKind, Completeness> ruleOf) {
        this.ruleOf = ruleOf;
    }

    /**
     * @param delivered   per source (name), its kind and accepted deliveries
     * @param marks       the month's marks, by source name
     * @param beingStored deliveries being stored now
     */
    public MonthReadiness check(YearMonth month, Map<String, SourceDeliveries> delivered, Map<String, MarkKind> marks,
            List<String> beingStored) {
        List<SourceState> states = new ArrayList<>();
        List<MissingSource> missing = new ArrayList<>();
        if (delivered.isEmpty()) {
            missing.add(new MissingSource(ANY_SOURCE, null, null, "no source has delivered any data"));
        }
        delivered.forEach((source, deliveries) -> {
            Completeness rule = ruleOf.apply(source, deliveries.kind());
            MarkKind mark = marks.get(source);
            String lacks = mark == MarkKind.NOT_NEEDED ? null
                    : rule.missingFor(month, deliveries.deliveries(), mark == MarkKind.CLOSED).orElse(null);
            states.add(new SourceState(source, deliveries.kind().name(), rule.configName(),
                    mark == null ? null : mark.name(), lacks == null, lacks));
            if (lacks != null) {
                missing.add(new MissingSource(source, deliveries.kind().name(), rule.configName(), lacks));
            }
        });
        return new MonthReadiness(month.toString(), missing.isEmpty() && beingStored.isEmpty(), states, missing,
                beingStored);
    }

    /** One source's kind and its accepted deliveries. */
    public record SourceDeliveries(SourceKind kind, List<Delivered> deliveries) {

        public SourceDeliveries {
            deliveries = List.copyOf(deliveries);
        }
    }
}
