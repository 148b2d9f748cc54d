package org.rapport.rules.engine;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * KPI codes and dimensions a scenario gives ({@code given.kpis[].code}, {@code .dimension}) or expects a grade for
 * ({@code expect.rag}: {@code "CODE"} or {@code "CODE@dimension"}) that name no KPI or no breakdown: such a scenario
 * tests a KPI the engine never measures. Reported at the line and column of the value or key. A file that is not
 * valid JSON is left to {@link ScenarioFile}, which says where. Thread-safe.
 */
final class ScenarioReferenceCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KpiVocabulary vocabulary;

    ScenarioReferenceCheck(KpiVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<RuleMessage> check(RuleFileSource file) {
        List<RuleMessage> messages = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(file.content())) {
            String code = null;
            JsonLocation codeAt = null;
            String dimension = null;
            JsonLocation dimensionAt = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        path.push(fieldOrItem(parser));
                        if (token == JsonToken.START_OBJECT && inKpisGiven(path)) {
                            code = null;
                            dimension = null;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (token == JsonToken.END_OBJECT && inKpisGiven(path)) {
                            checkGiven(file, code, codeAt, dimension, dimensionAt, messages);
                        }
                        path.pop();
                    }
                    case FIELD_NAME -> {
                        if (isRagExpected(path)) {
                            checkRagKey(file, parser.currentName(), parser.currentTokenLocation(), messages);
                        }
                    }
                    case VALUE_STRING -> {
                        if (inKpisGiven(path) && "code".equals(parser.currentName())) {
                            code = parser.getText();
                            codeAt = parser.currentTokenLocation();
                        } else if (inKpisGiven(path) && "dimension".equals(parser.currentName())) {
                            dimension = parser.getText();
                            dimensionAt = parser.currentTokenLocation();
                        }
                    }
                    default -> {
                        // numbers, booleans and nulls name no KPI
                    }
                }
            }
        } catch (IOException notJson) {
            return List.of(); // ScenarioFile reports where it stops being JSON
        }
        return messages;
    }

    private static String fieldOrItem(JsonParser parser) throws IOException {
        String name = parser.currentName();
        return name == null ? "[]" : name;
    }

    /** Inside an object of {@code given.kpis}: the path (innermost first) is the object, kpis, given. */
    private static boolean inKpisGiven(Deque<String> path) {
        List<String> inner = path.stream().limit(3).toList();
        return inner.size() == 3 && inner.get(1).equals("kpis") && inner.get(2).equals("given");
    }

    private static boolean isRagExpected(Deque<String> path) {
        List<String> inner = path.stream().limit(2).toList();
        return inner.size() == 2 && inner.get(0).equals("rag") && inner.get(1).equals("expect");
    }

    private void checkGiven(RuleFileSource file, String code, JsonLocation codeAt, String dimension,
            JsonLocation dimensionAt, List<RuleMessage> messages) {
        if (code != null) {
            vocabulary.unknownCode(code).ifPresent(problem -> messages.add(at(file, codeAt, problem)));
        }
        if (dimension != null) {
            vocabulary.unknownDimension(dimension, code == null ? Set.of() : Set.of(code))
                    .ifPresent(problem -> messages.add(at(file, dimensionAt, problem)));
        }
    }

    private void checkRagKey(RuleFileSource file, String key, JsonLocation location, List<RuleMessage> messages) {
        int at = key.indexOf('@');
        String code = at < 0 ? key : key.substring(0, at);
        vocabulary.unknownCode(code).ifPresent(problem -> messages.add(at(file, location, "expect.rag \"" + key + "\": " + problem)));
        if (at >= 0) {
            vocabulary.unknownDimension(key.substring(at + 1), Set.of(code)).ifPresent(problem ->
                    messages.add(at(file, location, "expect.rag \"" + key + "\" (CODE@dimension): " + problem)));
        }
    }

    private static RuleMessage at(RuleFileSource file, JsonLocation location, String text) {
        return new RuleMessage(file.name(), location.getLineNr(), location.getColumnNr(), text);
    }
}
