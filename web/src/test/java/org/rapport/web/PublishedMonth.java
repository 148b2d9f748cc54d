package org.rapport.web;

import java.time.Duration;

import jakarta.json.JsonObject;

/** The suite's October 2026, published: delivered once (OctoberFixture) and waited for through the API. */
final class PublishedMonth {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private PublishedMonth() {
    }

    /**
     * The newest published run of 2026-10 that used all four delivered files (files arrive one by one, and an
     * earlier run may have been made before the last of them was in).
     */
    static JsonObject october(ApiClient api) throws Exception {
        OctoberFixture.deliverAll(java.nio.file.Path.of(System.getProperty("rapport.data.dir")));
        // the fixture's calls end on 5 October: the month is closed by hand, as the integration team would
        OctoberFixture.closeOctober(api);
        return Poll.until(TIMEOUT, () -> {
            JsonObject newest = api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(run -> run.getString("month").equals("2026-10"))
                    .filter(run -> run.getString("status").equals("PUBLISHED"))
                    .findFirst().orElse(null);
            if (newest == null) {
                return null;
            }
            long kinds = api.json("api/runs/" + newest.getInt("id")).asJsonObject().getJsonArray("sourceBatches")
                    .getValuesAs(JsonObject.class).stream().map(batch -> batch.getString("kind")).distinct().count();
            return kinds == 4 ? newest : null;
        }, run -> run != null);
    }
}
