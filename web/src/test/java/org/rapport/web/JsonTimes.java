package org.rapport.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Finds times in an API answer that are not ISO-8601 strings: a field named like a time ({@code receivedAt},
 * {@code openedOn}, {@code lastSuccess}, {@code date}…) holding a number or an array, an array shaped like a
 * date ({@code [2026,10,31,0,0]}) under any name, and a string in such a field that no ISO-8601 parser reads.
 */
public final class JsonTimes {

    /**
     * Field names that carry a time by this API's naming: …At, …On, …Date, …Time, since, until, lastX;
     * {@code basedOn} is the rule-set version a draft was copied from, not a time.
     */
    private static final Pattern TIME_NAME = Pattern.compile(
            "(?!basedOn$)(.*(At|On|Date|Time|Since|Until)|date|time|since|until|last(Attempt|Success|Failure)|nextLook)");

    private static final List<Function<String, Object>> ISO_PARSERS = List.of(Instant::parse, OffsetDateTime::parse,
            LocalDateTime::parse, LocalDate::parse, LocalTime::parse, YearMonth::parse);

    private JsonTimes() {
    }

    /** Each offence as "path: value", empty when every time in {@code json} is an ISO-8601 string. */
    public static List<String> offences(JsonValue json) {
        List<String> offences = new ArrayList<>();
        walk("$", null, json, offences);
        return offences;
    }

    private static void walk(String path, String name, JsonValue value, List<String> offences) {
        boolean timeName = name != null && TIME_NAME.matcher(name).matches();
        switch (value.getValueType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                    walk(path + "." + field.getKey(), field.getKey(), field.getValue(), offences);
                }
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                if (looksLikeADate(array) || timeName && !array.isEmpty()
                        && array.get(0).getValueType() == JsonValue.ValueType.NUMBER) {
                    offences.add(path + ": " + array);
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    walk(path + "[" + i + "]", name, array.get(i), offences);
                }
            }
            case NUMBER -> {
                if (timeName) {
                    offences.add(path + ": " + value);
                }
            }
            case STRING -> {
                if (timeName && !isIso(((JsonString) value).getString())) {
                    offences.add(path + ": " + value);
                }
            }
            default -> {
                // true, false, null carry no time
            }
        }
    }

    /** Jackson's array form of a date or time: three to nine integers starting with a plausible year and month. */
    private static boolean looksLikeADate(JsonArray array) {
        if (array.size() < 3 || array.size() > 9
                || !array.stream().allMatch(element -> element.getValueType() == JsonValue.ValueType.NUMBER)) {
            return false;
        }
        int year = ((JsonNumber) array.get(0)).intValue();
        int month = ((JsonNumber) array.get(1)).intValue();
        return year >= 1900 && year <= 2200 && month >= 1 && month <= 12;
    }

    private static boolean isIso(String text) {
        for (Function<String, Object> parser : ISO_PARSERS) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException notThisOne) {
                // try the next shape
            }
        }
        return false;
    }
}
