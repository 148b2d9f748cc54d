package org.rapport.web.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of every endpoint (Jackson, which RESTEasy prefers because the WAR carries it):
 * times are ISO-8601 strings, never arrays or epoch numbers — an instant as {@code 2026-11-02T06:00:00Z}, a
 * local date as {@code 2026-10-31}, a local date-time as {@code 2026-10-31T17:45:00} — so that clients read
 * every endpoint the same way. Thread-safe: the mapper is configured once and only read after.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ApiJson implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = mapper();

    /** The configured mapper, also for tests that check what the API writes. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
