package org.rapport.engine.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.snapshot.KpiTraits;

/**
 * What changed between the published pack of a month and a re-run of it: figures whose value or RAG
 * moved, triggers added or removed. Empty when the re-run has nothing new to say. Pure; the lines
 * are what the revised pack's cover and the API print.
 */
public final class RevisionDiff {

    /** How many changed figures the list names one by one; the rest are counted. */
    static final int FIGURES_LISTED = 12;

    private final List<Figure> changedFigures = new ArrayList<>();
    private final Set<String> triggersAdded = new TreeSet<>();
    private final Set<String> triggersRemoved = new TreeSet<>();

    /** One stored figure as the comparison sees it. */
    public record Figure(String code, String dimension, BigDecimal value, String rag) {
    }

    /** A trigger as the comparison sees it: its code and its title for the list. */
    public record RaisedTrigger(String code, String title) {
    }

    private final Map<String, Figure[]> figures = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();

    public RevisionDiff(List<Figure> published, List<Figure> rerun, List<RaisedTrigger> publishedTriggers,
            List<RaisedTrigger> rerunTriggers) {
        published.forEach(figure -> figures.computeIfAbsent(key(figure), key -> new Figure[2])[0] = figure);
        rerun.forEach(figure -> figures.computeIfAbsent(key(figure), key -> new Figure[2])[1] = figure);
        figures.values().stream().filter(pair -> moved(pair[0], pair[1]))
                .forEach(pair -> changedFigures.add(pair[1] == null ? pair[0] : pair[1]));
        Set<String> before = new TreeSet<>();
        publishedTriggers.forEach(trigger -> {
            before.add(trigger.code());
            titles.put(trigger.code(), trigger.title());
        });
        Set<String> after = new TreeSet<>();
        rerunTriggers.forEach(trigger -> {
            after.add(trigger.code());
            titles.put(trigger.code(), trigger.title());
        });
        after.stream().filter(code -> !before.contains(code)).forEach(triggersAdded::add);
        before.stream().filter(code -> !after.contains(code)).forEach(triggersRemoved::add);
    }

    /** True when the re-run's figures, RAGs and triggers are the published pack's. */
    public boolean identical() {
        return changedFigures.isEmpty() && triggersAdded.isEmpty() && triggersRemoved.isEmpty();
    }

    /**
     * One line per change, overall figures first: "Net Promoter Score: 12.0 → 14.5 (RAG AMBER → GREEN)",
     * "Net Promoter Score, segment=Gold: …", "Trigger added: …", "Trigger removed: …".
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<String> figureLines = new ArrayList<>();
        changedFigures.stream().filter(figure -> Measurement.OVERALL.equals(figure.dimension()))
                .forEach(figure -> figureLines.add(describe(figure)));
        changedFigures.stream().filter(figure -> !Measurement.OVERALL.equals(figure.dimension()))
                .forEach(figure -> figureLines.add(describe(figure)));
        lines.addAll(figureLines.subList(0, Math.min(FIGURES_LISTED, figureLines.size())));
        if (figureLines.size() > FIGURES_LISTED) {
            lines.add((figureLines.size() - FIGURES_LISTED) + " more figures by segment, value band or channel changed");
        }
        triggersAdded.forEach(code -> lines.add("Trigger added: " + titles.get(code) + " (" + code + ")"));
        triggersRemoved.forEach(code -> lines.add("Trigger removed: " + titles.get(code) + " (" + code + ")"));
        return lines;
    }

    private String describe(Figure after) {
        Figure before = figures.get(key(after))[0];
        Figure now = figures.get(key(after))[1];
        String name = KpiTraits.definition(after.code()).name()
                + (Measurement.OVERALL.equals(after.dimension()) ? "" : ", " + after.dimension());
        String value = value(before) + " → " + value(now);
        String beforeRag = rag(before);
        String nowRag = rag(now);
        return name + ": " + value + (Objects.equals(beforeRag, nowRag) ? "" : " (RAG " + beforeRag + " → " + nowRag + ")");
    }

    private static String value(Figure figure) {
        return figure == null || figure.value() == null ? "no data" : figure.value().stripTrailingZeros().toPlainString();
    }

    private static boolean moved(Figure before, Figure after) {
        if (before == null || after == null) {
            return true;
        }
        boolean sameValue = before.value() == null ? after.value() == null
                : after.value() != null && before.value().compareTo(after.value()) == 0;
        return !sameValue || !rag(before).equals(rag(after));
    }

    /** Ungraded and absent both read NONE. */
    private static String rag(Figure figure) {
        return figure == null || figure.rag() == null ? "NONE" : figure.rag();
    }

    private static String key(Figure figure) {
        return figure.code() + "|" + figure.dimension();
    }
}
