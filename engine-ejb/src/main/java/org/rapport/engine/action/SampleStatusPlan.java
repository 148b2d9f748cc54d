package org.rapport.engine.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

/**
 * What the sample company's team did about one month's action points, for the demo: a file
 * {@code <yyyy-MM>.json} of the samples' {@code action-status/} folder, e.g.
 * <pre>{"by": "sample-data", "changes": [{"action": "MOT2_TRAPPED", "status": "IN_PROGRESS", "note": "…"}]}</pre>
 * Each change names an action point by its trigger code and moves it on, in the order given (so OPEN → IN_PROGRESS
 * → DONE takes two). Made-up team work, no personal data: {@code by} is a sample user's name, not a person's.
 *
 * @param month   the month whose published pack raised the action points (from the file's name)
 * @param by      who the changes are recorded as made by
 * @param changes in the order they are made
 */
public record SampleStatusPlan(YearMonth month, String by, List<Change> changes) {

    /** A sample user's name: lower case, digits and hyphens, so it can never be mistaken for a person. */
    private static final Pattern USER = Pattern.compile("sample[a-z0-9-]{0,32}");
    /** As the rules name their triggers. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public SampleStatusPlan {
        changes = List.copyOf(changes);
    }

    /**
     * @param action the trigger code of the action point
     * @param status what it becomes
     * @param note   why, as the team would write it; null for none
     */
    public record Change(String action, ActionStatus status, String note) {
    }

    /** The file's month from its name, e.g. {@code 2026-09.json}; empty for a file that is not a month's. */
    public static java.util.Optional<YearMonth> monthOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(YearMonth.parse(name.substring(0, name.length() - ".json".length())));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Reads and checks a plan.
     *
     * @throws IllegalArgumentException naming the file and the field at fault
     */
    public static SampleStatusPlan read(Path file) throws IOException {
        YearMonth month = monthOf(file).orElseThrow(() -> new IllegalArgumentException(file.getFileName()
                + ": the name must be the month whose action points it follows up, e.g. 2026-09.json"));
        JsonObject plan;
        try (InputStream in = Files.newInputStream(file)) {
            plan = Json.createReader(in).readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not JSON (" + e.getMessage() + ")", e);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not a JSON object", e);
        }
        String by = text(plan, "by", file);
        if (by == null || !USER.matcher(by).matches()) {
            throw new IllegalArgumentException(file.getFileName() + ": field \"by\" must be a sample user's name"
                    + " (\"sample…\", lower case), not " + (by == null ? "missing" : "'" + by + "'"));
        }
        JsonValue listed = plan.get("changes");
        if (!(listed instanceof JsonArray array)) {
            throw new IllegalArgumentException(file.getFileName() + ": field \"changes\" must be a list");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = file.getFileName() + ": changes[" + i + "]";
            if (!(array.get(i) instanceof JsonObject change)) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            String action = text(change, "action", file);
            if (action == null || !CODE.matcher(action).matches()) {
                throw new IllegalArgumentException(where + ".action must be a trigger code, e.g. MOT2_TRAPPED");
            }
            ActionStatus status;
            try {
                status = ActionStatus.valueOf(String.valueOf(text(change, "status", file)).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".status must be one of IN_PROGRESS, DONE, DROPPED", e);
            }
            String note = text(change, "note", file);
            if (note != null && note.length() > ActionStatusChange.NOTE_LENGTH) {
                throw new IllegalArgumentException(where + ".note is longer than " + ActionStatusChange.NOTE_LENGTH
                        + " characters");
            }
            changes.add(new Change(action, status, note));
        }
        return new SampleStatusPlan(month, by, changes);
    }

    private static String text(JsonObject object, String field, Path file) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException(file.getFileName() + ": field \"" + field + "\" must be text");
        }
        return string.getString().strip();
    }
}
