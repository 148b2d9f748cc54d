package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.Schedule;
import org.rapport.integration.support.TestSources;

/** Which sources get a fetch route, under which id, and what it prepares in the landing folder. */
class SourceTransportsTest {

    private final SourceTransports transports = new SourceTransports(
            CredentialResolver.of(Map.of("survey-token", "t0ken")), name -> Optional.empty(),
            TestSources.boundaries(), TransportFixtures.quickSettings());

    @TempDir
    Path landing;

    @Test
    void aFileSourceNeedsNoFetching() throws DefinitionException {
        assertThat(transports.fetchRoutes(TestSources.definition("""
                {"name": "drop", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC"}
                """), landing)).isEmpty();
    }

    @Test
    void aFetchRouteIsNamedAfterItsSourceAndStartsHealthyWithNothingLanded() throws DefinitionException {
        FetchRoutes routes = transports.fetchRoutes(TestSources.definition("""
                {"name": "survey-api", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                 "transport": {"type": "http", "url": "https://survey.example/api/responses?key=abc",
                               "authHeader": "Authorization", "credential": "survey-token"}}
                """), landing).orElseThrow();

        assertThat(routes.routeId()).isEqualTo("fetch-survey-api");
        assertThat(routes.endpoint()).as("without the query, where some APIs take keys")
                .isEqualTo("https://survey.example/api/responses");
        assertThat(routes.status().snapshot()).satisfies(status -> {
            assertThat(status.source()).isEqualTo("survey-api");
            assertThat(status.healthy()).isTrue();
            assertThat(status.lastAttempt()).isNull();
            assertThat(status.filesLanded()).isZero();
        });
    }

    @Test
    void theScheduleIsAnIntervalByTheSchedulerOrACronByQuartzOrTheDefaultInterval() {
        FetchSettings settings = FetchSettings.standard();

        assertThat(FetchSchedule.uri("fetch-a", new Schedule(Duration.ofMinutes(5), null), settings))
                .isEqualTo("scheduler:fetch-a?delay=300000&initialDelay=10000");
        assertThat(FetchSchedule.uri("fetch-a", new Schedule(null, "0 0 2 * * ?"),
                settings)).isEqualTo("quartz:rapport-fetch/fetch-a?stateful=true&cron=0+0+2+*+*+%3F");
        assertThat(FetchSchedule.uri("fetch-a", null, settings))
                .isEqualTo("scheduler:fetch-a?delay=900000&initialDelay=10000");
    }
}
