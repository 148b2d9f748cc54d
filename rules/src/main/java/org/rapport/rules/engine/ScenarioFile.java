package org.rapport.rules.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.rapport.rules.facts.ActionKind;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.Pillar;
import org.rapport.rules.facts.Rag;
import org.rapport.rules.facts.RequestSource;
import org.rapport.rules.facts.RequestText;
import org.rapport.rules.facts.Severity;
import org.rapport.rules.facts.Stage;

/**
 * The scenario file format: one scenario, or a JSON array of scenarios, each with the facts given
 * and what the rules must make of them. Every part is optional; what is not expected is not checked,
 * except that an expected list of triggers or actions is the complete list.
 *
 * <pre>{@code
 * {
 *   "scenario": "A slow month on the phones",
 *   "given": {
 *     "kpis": [ { "code": "AVERAGE_SPEED_OF_ANSWER", "value": 95 },
 *               { "code": "NPS", "dimension": "segment=basic", "value": -40 } ],
 *     "requests": [ { "source": "SURVEY_COMMENT", "text": "Please send an e-bill" } ],
 *     "customers": [ { "customerRef": "C-1", "consentToAnalytics": true, "productsHeld": 3 } ]
 *   },
 *   "expect": {
 *     "rag": { "AVERAGE_SPEED_OF_ANSWER": "RED", "NPS@segment=basic": "RED" },
 *     "triggers": [ "WAITING_TOO_LONG",
 *                   { "code": "NPS_BELOW_TARGET", "pillar": "STAFF", "severity": "HIGH", "evidence": "NPS -40 ..." } ],
 *     "themes": { "paperless billing": 1 },
 *     "scores": { "C-1": { "cognitive": 30, "index": 14, "stage": "UNENGAGED" } },
 *     "notScored": [ "C-2" ],
 *     "actions": [ { "customerRef": "C-1", "kind": "DETRACTOR_CALL_BACK" } ]
 *   }
 * }
 * }</pre>
 */
final class ScenarioFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            // facts such as CustomerProfile are bound field by field, with no setters written for JSON
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .build();

    private ScenarioFile() {
    }

    /** A scenario and the line of the file it starts at. */
    record Located(Scenario scenario, int line) {
    }

    /** Reads the scenarios of a file; an array holds several, an object one. */
    static List<Located> read(RuleFileSource file) throws InvalidScenarioException {
        try (JsonParser parser = JSON.createParser(file.content())) {
            // read straight from the parser, not via a tree, so that errors keep their line and column
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidScenarioException(new RuleMessage(file.name(), 0, 0, "The scenario file is empty"));
            }
            List<Located> scenarios = new ArrayList<>();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = parser.currentLocation().getLineNr();
                    scenarios.add(new Located(JSON.readValue(parser, Scenario.class), line));
                }
            } else {
                int line = parser.currentLocation().getLineNr();
                scenarios.add(new Located(JSON.readValue(parser, Scenario.class), line));
            }
            return scenarios;
        } catch (JsonProcessingException invalid) {
            JsonLocation location = invalid.getLocation();
            String text = "Not a valid scenario: " + invalid.getOriginalMessage();
            throw new InvalidScenarioException(location == null
                    ? new RuleMessage(file.name(), 0, 0, text)
                    : new RuleMessage(file.name(), location.getLineNr(), location.getColumnNr(), text));
        } catch (IOException unreadable) {
            throw new InvalidScenarioException(new RuleMessage(file.name(), 0, 0, "Cannot read: " + unreadable.getMessage()));
        }
    }

    record Scenario(String scenario, Given given, Expect expect) {

        Scenario {
            given = given == null ? new Given(null, null, null) : given;
            expect = expect == null ? new Expect(null, null, null, null, null, null) : expect;
        }

        String name() {
            return scenario == null ? "(unnamed scenario)" : scenario;
        }
    }

    record Given(List<KpiGiven> kpis, List<RequestGiven> requests, List<CustomerProfile> customers) {

        Given {
            kpis = kpis == null ? List.of() : kpis;
            requests = requests == null ? List.of() : requests;
            customers = customers == null ? List.of() : customers;
        }
    }

    /** A KPI as measured: {@code dimension} defaults to overall. */
    record KpiGiven(String code, String dimension, BigDecimal value, BigDecimal previous) {

        Kpi toKpi() {
            return new Kpi(code, dimension == null ? Kpi.OVERALL : dimension, value, previous);
        }
    }

    /** A comment or case text; {@code source} defaults to a survey comment. */
    record RequestGiven(RequestSource source, String text) {

        RequestText toRequestText() {
            return new RequestText(source == null ? RequestSource.SURVEY_COMMENT : source, text);
        }
    }

    /**
     * @param rag      by KPI code, or {@code CODE@dimension} for another dimension than overall
     * @param triggers the complete list of triggers raised: codes, or objects with the fields to check
     * @param themes   mentions by request-theme label
     * @param scores   by customer reference, the fields to check
     * @param notScored customer references that must have no score
     * @param actions  the complete list of actions raised
     */
    record Expect(Map<String, Rag> rag, List<TriggerExpected> triggers, Map<String, Integer> themes,
            Map<String, ScoreExpected> scores, List<String> notScored, List<ActionExpected> actions) {

        Expect {
            rag = rag == null ? Map.of() : new LinkedHashMap<>(rag);
            themes = themes == null ? Map.of() : new LinkedHashMap<>(themes);
            scores = scores == null ? Map.of() : new LinkedHashMap<>(scores);
            notScored = notScored == null ? List.of() : notScored;
        }

        boolean expectsCustomers() {
            return !scores.isEmpty() || !notScored.isEmpty() || actions != null;
        }
    }

    /** A trigger by code alone, or with any of pillar, severity, exact evidence, or a part of the evidence. */
    record TriggerExpected(String code, Pillar pillar, Severity severity, String evidence, String evidenceContains) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static TriggerExpected ofCode(String code) {
            return new TriggerExpected(code, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static TriggerExpected of(@JsonProperty("code") String code,
                @JsonProperty("pillar") Pillar pillar,
                @JsonProperty("severity") Severity severity,
                @JsonProperty("evidence") String evidence,
                @JsonProperty("evidenceContains") String evidenceContains) {
            return new TriggerExpected(code, pillar, severity, evidence, evidenceContains);
        }
    }

    record ScoreExpected(Integer cognitive, Integer emotional, Integer behavioural, Integer index,
            Stage qualifiedStage, Stage stage) {
    }

    record ActionExpected(String customerRef, ActionKind kind, String reason) {
    }

    /** A scenario file that cannot be read, with the place. */
    static final class InvalidScenarioException extends Exception {

        private final transient RuleMessage ruleMessage;

        InvalidScenarioException(RuleMessage ruleMessage) {
            super(ruleMessage.text());
            this.ruleMessage = ruleMessage;
        }

        RuleMessage ruleMessage() {
            return ruleMessage;
        }
    }
}
