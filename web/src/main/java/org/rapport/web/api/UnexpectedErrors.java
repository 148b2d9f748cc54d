package org.rapport.web.api;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What a caller sees when a request fails in a way no endpoint foresaw: 500 with an incident id,
 * never the exception, its stack or a database message (which can hold SQL and data). The log gets
 * one line per incident with the id and the chain of causes' types; the stack is logged at FINE.
 * A body that cannot be read as the endpoint's JSON is the caller's mistake: 400, equally plain.
 * Answers an endpoint chose ({@link WebApplicationException}) pass unchanged. When the database is
 * out of reach the answer is 503 with {@code Retry-After}: the request was fine, the database was not,
 * and the same fault is logged once per minute with a count of its repeats ({@link RepeatedFaults}). That
 * includes a transaction rolled back at commit with no cause given while the database cannot be reached
 * ({@link DatabaseProbe}): the transaction manager's bare {@code RollbackException} when the database went away
 * as the work was committed.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());
    private static final RepeatedFaults OUTAGES = new RepeatedFaults(java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC());

    private final DatabaseProbe database;

    public UnexpectedErrors() {
        this(DatabaseProbe.rapport());
    }

    UnexpectedErrors(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException answer && answer.getResponse().getStatus() < 500) {
            Response chosen = answer.getResponse();
            if (chosen.hasEntity() || answer.getMessage() == null || answer.getMessage().startsWith("RESTEASY")) {
                return chosen;
            }
            // the endpoint's own words (e.g. "No run 5"), as JSON, rather than an empty 4xx
            return Response.fromResponse(chosen).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
                    .add("error", chosen.getStatusInfo().getReasonPhrase()).add("message", answer.getMessage())
                    .build().toString()).build();
        }
        if (unreadableBody(failure)) {
            return plain(Response.Status.BAD_REQUEST, "bad-request", "The request body is not the JSON this endpoint reads");
        }
        java.util.Optional<String> outage = DatabaseOutage.reason(failure, database);
        if (outage.isPresent()) {
            OUTAGES.occurred("Requests answered 503: " + outage.get(), LOG::warning);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                    .type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder().add("error", "database-unavailable")
                            .add("message", "The database cannot be reached just now (" + outage.get() + "); try again shortly")
                            .build().toString()).build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.warning("Request failed, incident " + incident + ": " + causes(failure));
        LOG.log(Level.FINE, "Incident " + incident, failure);
        return plain(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "The request failed on the server; the log names incident " + incident);
    }

    private static Response plain(Response.Status status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", error).add("message", message).build().toString()).build();
    }

    /** JSON that does not parse or bind: Jackson's and JSON-B's failures, whichever provider read it. */
    private static boolean unreadableBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (type.startsWith("com.fasterxml.jackson.") || type.equals("jakarta.json.bind.JsonbException")
                    || type.equals("jakarta.json.stream.JsonParsingException") || type.endsWith(".ReaderException")) {
                return true;
            }
        }
        return false;
    }

    /** The types of the causes, outermost first: enough to find the incident, nothing of the data. */
    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null && chain.length() < 500; cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " ← ").append(cause.getClass().getName());
        }
        return chain.toString();
    }
}
