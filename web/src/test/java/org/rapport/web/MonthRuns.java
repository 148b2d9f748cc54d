package org.rapport.web;

import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * The runs of one month on the shared suite server, as a test waits for them: every source but the one
 * the test delivers through is excused for this month when the month waits for it (other tests deliver
 * to the same server, for their own months, in any order).
 */
final class MonthRuns {

    static final Duration TIMEOUT = Duration.ofSeconds(240);

    private static final String UNDER_TEST = "file-drop/calls";

    private final ApiClient api;
    private final String month;

    /** The month's runs, for a test that delivers its month's calls through the built-in calls folder. */
    MonthRuns(ApiClient api, String month) {
        this.api = api;
        this.month = month;
    }

    /** Marks NOT_NEEDED for this month each source it waits for, but the one under test. */
    private void excuseOtherSources() throws Exception {
        for (JsonObject missing : api.json("api/readiness/" + month).asJsonObject().getJsonArray("missing")
                .getValuesAs(JsonObject.class)) {
            String source = missing.getString("source");
            if (!source.equals(UNDER_TEST) && !source.startsWith("(")) {
                api.put("api/readiness/" + month + "/sources/" + source, "application/json", "{\"mark\": \"NOT_NEEDED\"}");
            }
        }
    }

    /** Every run of the server, newest first. */
    List<JsonObject> all() throws Exception {
        return api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class);
    }

    /** The runs of this month, newest first. */
    List<JsonObject> ofMonth() throws Exception {
        return all().stream().filter(run -> run.getString("month").equals(month)).toList();
    }

    JsonObject run(int id) throws Exception {
        return all().stream().filter(run -> run.getInt("id") == id).findFirst().orElseThrow();
    }

    int newestRunId() throws Exception {
        return all().stream().mapToInt(run -> run.getInt("id")).max().orElse(0);
    }

    /**
     * The oldest run of this month after run {@code after}, once it has finished (published, unchanged or
     * failed); if it waits for another test's source, that source is excused.
     */
    JsonObject finishedAfter(int after) throws Exception {
        int id = Poll.until(TIMEOUT, () -> ofMonth().stream().filter(run -> run.getInt("id") > after)
                .reduce((newer, older) -> older).orElse(null), run -> run != null).getInt("id");
        excuseOtherSources();
        return Poll.until(TIMEOUT, () -> run(id),
                run -> !List.of("RUNNING", "WAITING_FOR_DATA").contains(run.getString("status")));
    }

    /** The newest published run of this month that revises {@code revises} (null: a first pack). */
    JsonObject published(Integer revises) throws Exception {
        Poll.until(TIMEOUT, () -> ofMonth().stream()
                .filter(run -> revises == null || run.getInt("id") > revises).findFirst().orElse(null), run -> run != null);
        excuseOtherSources();
        return Poll.until(TIMEOUT, () -> ofMonth().stream()
                .filter(run -> run.getString("status").equals("PUBLISHED"))
                .filter(run -> revises == null ? run.isNull("revisesRunId")
                        : !run.isNull("revisesRunId") && run.getInt("revisesRunId") == revises)
                .findFirst().orElse(null), run -> run != null);
    }
}
