package org.rapport.web.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.engine.audit.AuditAction;
import org.rapport.engine.audit.AuditTrail;
import org.rapport.engine.readiness.MarkKind;
import org.rapport.engine.readiness.MonthReadiness;
import org.rapport.engine.readiness.Readiness;
import org.rapport.engine.run.WaitingRuns;
import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;

/**
 * Whether a month's data is complete enough to publish, source by source, and the integration team's
 * word on it: {@code PUT /api/readiness/2026-11/sources/file-drop/calls} with {@code {"mark": "CLOSED"}}
 * (everything of the month delivered) or {@code "NOT_NEEDED"} (not waited for this month); {@code
 * DELETE} withdraws it. A waiting run is looked at again at once.
 */
@Path("readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @EJB
    private Readiness readiness;

    @EJB
    private WaitingRuns waitingRuns;

    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;

    /** The month's readiness, its deadline and what happens when it passes. */
    @GET
    @Path("{month}")
    @RolesAllowed({Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    public MonthReadinessView month(@PathParam("month") String month) {
        YearMonth checked = parseMonth(month);
        return new MonthReadinessView(readiness.check(checked), readiness.deadline(checked).toString(),
                readiness.afterDeadline().name());
    }

    @PUT
    @Path("{month}/sources/{source:.+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    public MonthReadinessView mark(@PathParam("month") String month, @PathParam("source") String source,
            MarkRequest request) {
        YearMonth marked = parseMonth(month);
        String known = knownSource(source);
        MarkKind mark = parseMark(request);
        readiness.mark(marked, known, mark, Caller.name(security));
        audit.record(Caller.name(security), AuditAction.MONTH_MARKED, marked + " " + known, mark.name());
        waitingRuns.lookNow();
        return month(month);
    }

    @DELETE
    @Path("{month}/sources/{source:.+}")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    public MonthReadinessView unmark(@PathParam("month") String month, @PathParam("source") String source) {
        YearMonth marked = parseMonth(month);
        String known = knownSource(source);
        if (!readiness.unmark(marked, known)) {
            throw new NotFoundException(known + " has no mark for " + marked);
        }
        audit.record(Caller.name(security), AuditAction.MONTH_MARKED, marked + " " + known, "withdrawn");
        return month(month);
    }

    /** The body of a mark: {@code {"mark": "CLOSED"}} or {@code {"mark": "NOT_NEEDED"}}. */
    public record MarkRequest(String mark) {
    }

    /** {@link MonthReadiness} with the month's deadline (ISO-8601) and the installation's choice after it. */
    public record MonthReadinessView(String month, boolean ready, List<org.rapport.engine.readiness.SourceState> sources,
            List<org.rapport.engine.readiness.MissingSource> missing, List<String> beingStored, String deadline,
            String afterDeadline) {

        MonthReadinessView(MonthReadiness readiness, String deadline, String afterDeadline) {
            this(readiness.month(), readiness.ready(), readiness.sources(), readiness.missing(),
                    readiness.beingStored(), deadline, afterDeadline);
        }
    }

    /** Only a source the ledger knows may be marked: the name is checked against that list, never used as given. */
    private String knownSource(String source) {
        return readiness.knownSources().stream().filter(known -> known.equals(source)).findFirst()
                .orElseThrow(() -> new NotFoundException("No source named '" + source + "' has delivered anything; known: "
                        + readiness.knownSources()));
    }

    private static MarkKind parseMark(MarkRequest request) {
        if (request == null || request.mark() == null) {
            throw new BadRequestException("The body must say {\"mark\": \"CLOSED\"} or {\"mark\": \"NOT_NEEDED\"}");
        }
        try {
            return MarkKind.valueOf(request.mark().strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("mark must be CLOSED or NOT_NEEDED, not '" + request.mark() + "'");
        }
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("The month must look like 2026-10, not '" + month + "'");
        }
    }
}
