package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.QuarantineEntry;
import org.rapport.web.JsonTimes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApiJsonTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T06:00:00.680Z");

    private final ObjectMapper mapper = new ApiJson().getContext(Object.class);

    @Test
    void aBatchOfTheLedgerHasItsTimesAsIsoStrings() throws Exception {
        BatchEntry batch = new BatchEntry(1, "CALLS", "sample-ivr", "calls.csv", "a".repeat(64), RECEIVED, "ACCEPTED",
                2500, 3, 0, LocalDateTime.of(2026, 10, 31, 0, 0), null, null, "calls.csv", null);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(batch));

        // was 1796440148.68 and [2026,10,31,0,0]
        assertThat(json.get("receivedAt").asText()).isEqualTo("2026-11-02T06:00:00.680Z");
        assertThat(json.get("newestRecordAt").asText()).isEqualTo("2026-10-31T00:00:00");
        assertThat(JsonTimes.offences(parsed(batch))).isEmpty();
    }

    @Test
    void everyKindOfTimeIsWrittenAsAString() throws Exception {
        record Times(Instant at, LocalDate on, LocalDateTime localAt, YearMonth month,
                Optional<Instant> maybe) {
        }
        Times times = new Times(RECEIVED, LocalDate.of(2026, 10, 31), LocalDateTime.of(2026, 10, 31, 17, 45),
                YearMonth.of(2026, 10), Optional.of(RECEIVED));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(times));

        assertThat(json.get("at").isTextual()).isTrue();
        assertThat(json.get("on").asText()).isEqualTo("2026-10-31");
        assertThat(json.get("localAt").asText()).isEqualTo("2026-10-31T17:45:00");
        assertThat(json.get("month").asText()).isEqualTo("2026-10");
        assertThat(json.get("maybe").asText()).isEqualTo("2026-11-02T06:00:00.680Z");
    }

    @Test
    void theWalkerCatchesWhatTheDefaultMapperWrote() {
        // the answers of GET /api/intake/batches and /api/intake/quarantine before one configuration
        assertThat(JsonTimes.offences(Json.createReader(new StringReader(
                "[{\"receivedAt\":1796440148.68,\"newestRecordAt\":[2026,10,31,0,0],\"rows\":[1,2,3]}]")).readValue()))
                .containsExactly("$[0].receivedAt: 1796440148.68", "$[0].newestRecordAt: [2026,10,31,0,0]");
    }

    @Test
    void aQuarantinedRowToo() throws Exception {
        assertThat(JsonTimes.offences(parsed(List.of(new QuarantineEntry(4, 1, "CALLS", "sample-ivr", "calls.csv",
                RECEIVED, 17, "started_at", "not a time", "x"))))).isEmpty();
    }

    private JsonValue parsed(Object value) throws Exception {
        return Json.createReader(new StringReader(mapper.writeValueAsString(value))).readValue();
    }
}
