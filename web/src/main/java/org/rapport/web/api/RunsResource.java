package org.rapport.web.api;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.engine.audit.AuditAction;
import org.rapport.engine.audit.AuditTrail;
import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.engine.engagement.ActionExportLine;
import org.rapport.engine.engagement.CustomerActionExports;
import org.rapport.engine.requests.RequestThemeLine;
import org.rapport.engine.run.MonthlyRunLauncher;
import org.rapport.engine.run.RunInProgressException;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.PackFiles;
import org.rapport.engine.run.RunCatalog;
import org.rapport.engine.run.RunReplay;
import org.rapport.engine.run.RunNotForceableException;
import org.rapport.engine.run.RunStatus;
import org.rapport.engine.run.RunSummary;
import org.rapport.engine.readiness.MonthReadiness;
import org.rapport.engine.readiness.Readiness;
import org.rapport.engine.snapshot.KpiBreakdown;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;

/**
 * Monthly runs: list them, read their KPIs and triggers, download their board pack, start one. Triggers with
 * their status now, and status changes, are {@link ActionPointsResource}'s.
 */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;


    @EJB
    private RunCatalog catalog;

    @EJB
    private MonthlyRunLauncher launcher;

    @EJB
    private CustomerActionExports actionExports;

    @EJB
    private Readiness readiness;

    @GET
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<RunView> list() {
        return catalog.list().stream().map(RunView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public RunDetailView get(@PathParam("id") long id) {
        RunSummary run = catalog.summary(id).orElseThrow(() -> new NotFoundException("No run " + id));
        MonthReadiness now = RunStatus.WAITING_FOR_DATA.name().equals(run.status())
                ? readiness.check(YearMonth.parse(run.month())) : null;
        return RunDetailView.of(run, snapshot(id), now, catalog.requestThemes(id));
    }

    /**
     * Starts a run that waits for its data now, without complete data (role admin): the pack says on
     * its cover that it was forced, by whom, and what was missing. 409 when the run is not waiting or a
     * delivery is being stored at this moment.
     */
    @POST
    @Path("{id}/force")
    @RolesAllowed(Roles.ADMIN)
    public Response force(@PathParam("id") long id) {
        RunView run = view(id);
        try {
            launcher.force(id, Caller.name(security));
        } catch (RunNotForceableException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
        audit.record(Caller.name(security), AuditAction.RUN_FORCED, run.month(), "run " + id);
        return Response.accepted(view(id)).build();
    }

    @GET
    @Path("{id}/kpis")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<KpiLine> kpis(@PathParam("id") long id) {
        return snapshot(id).kpis();
    }

    /**
     * One KPI of the run overall and by each breakdown it has (segment, value band, channel …), e.g.
     * {@code GET /api/runs/7/kpis/NPS/breakdowns}; 404 when the run stored no such KPI.
     */
    @GET
    @Path("{id}/kpis/{code}/breakdowns")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public KpiBreakdown breakdowns(@PathParam("id") long id, @PathParam("code") String code) {
        return KpiBreakdown.of(code, snapshot(id).kpis())
                .orElseThrow(() -> new NotFoundException("Run " + id + " has no KPI " + code));
    }

    /**
     * The run worked out again from the stored facts with the rule-set version it recorded, and where that
     * differs from what it stored (nothing, for a reproducible run). Reads every fact of the month: slow.
     */
    @GET
    @Path("{id}/replay")
    @RolesAllowed({Roles.STRATEGY, Roles.ADMIN})
    public RunReplay.Replay replay(@PathParam("id") long id) {
        return catalog.replay(id).orElseThrow(() -> new NotFoundException("No run " + id));
    }

    /**
     * Where the run's customer actions went to the CRM: each export with its destination, target, number of
     * actions, time and outcome. The actions themselves never leave through this API.
     */
    @GET
    @Path("{id}/action-exports")
    @RolesAllowed({Roles.STRATEGY, Roles.ADMIN})
    public List<ActionExportLine> actionExports(@PathParam("id") long id) {
        view(id); // 404 for a run that does not exist
        return actionExports.exports(id);
    }

    /** What the month's comments and cases kept asking for: counts per theme, most mentioned first. */
    @GET
    @Path("{id}/request-themes")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<RequestThemeLine> requestThemes(@PathParam("id") long id) {
        view(id); // 404 for a run that does not exist
        return catalog.requestThemes(id);
    }

    @GET
    @Path("{id}/pack")
    @Produces("application/pdf")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public Response pack(@PathParam("id") long id) {
        return pdf(id, catalog.pack(id), "has no published board pack");
    }

    /** The archived month rendered again from its stored snapshot: a re-issue with the same figures. */
    @GET
    @Path("{id}/pack/again")
    @Produces("application/pdf")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public Response renderAgain(@PathParam("id") long id) {
        return pdf(id, catalog.renderAgain(id), "has no published board pack to render again");
    }

    /**
     * Starts a run of a month, e.g. {@code POST /api/runs?month=2026-10}: 202 with the new run, whose
     * progress {@code GET /api/runs} shows; 409 while the month has a run in progress or waiting. A
     * re-run creates a new run and keeps the old one. A month whose data is not complete gets a run
     * in WAITING_FOR_DATA (see {@code GET /api/readiness/{month}}), which {@code POST /api/runs/{id}/force}
     * starts anyway.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response start(@QueryParam("month") String month) {
        try {
            YearMonth runMonth = parseMonth(month);
            long runId = launcher.start(runMonth, RunOrigin.ON_DEMAND);
            audit.record(Caller.name(security), AuditAction.RUN_STARTED, runMonth.toString(), "run " + runId);
            return Response.accepted(view(runId)).location(URI.create("runs/" + runId)).build();
        } catch (RunInProgressException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }

    private RunView view(long runId) {
        return catalog.summary(runId).map(RunView::of).orElseThrow(() -> new NotFoundException("No run " + runId));
    }

    private Response pdf(long runId, Optional<byte[]> pdf, String whenMissing) {
        RunView run = view(runId);
        return Response.ok(pdf.orElseThrow(() -> new NotFoundException("Run " + runId + " " + whenMissing)),
                        "application/pdf")
                .header("Content-Disposition", "inline; filename=\""
                        + PackFiles.fileName(YearMonth.parse(run.month()), runId) + "\"")
                .build();
    }

    private RunSnapshot snapshot(long id) {
        return catalog.snapshot(id).orElseThrow(() -> new NotFoundException("No run " + id));
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            throw new BadRequestException("Query parameter 'month' is required, e.g. month=2026-10");
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter 'month' must look like 2026-10, not '" + month + "'");
        }
    }
}
