package org.rapport.web.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.action.ActionStatusRefusedException;
import org.rapport.engine.action.Actions;
import org.rapport.engine.run.RunCatalog;

/**
 * A run's triggers as action points the CCO's team follows up: their status now (the run detail and the
 * pack show them as they were when the pack was rendered), status changes and their history.
 */
@Path("runs/{runId}/triggers")
@Produces(MediaType.APPLICATION_JSON)
public class ActionPointsResource {


    @EJB
    private Actions actions;

    @EJB
    private RunCatalog runs;

    @Context
    private SecurityContext security;

    /** The run's triggers with their status now, in the order the run raised them; 404 for an unknown run. */
    @GET
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<ActionPointView> list(@PathParam("runId") long runId) {
        if (runs.summary(runId).isEmpty()) {
            throw new NotFoundException("No run " + runId);
        }
        return actions.of(runId).stream().map(ActionPointView::of).toList();
    }

    @GET
    @Path("{triggerId}")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public ActionPointView get(@PathParam("runId") long runId, @PathParam("triggerId") long triggerId) {
        return actions.action(runId, triggerId).map(ActionPointView::of)
                .orElseThrow(() -> notFound(runId, triggerId));
    }

    /**
     * Moves the action point on, e.g. {@code {"status": "DONE", "note": "Menu shortened on 12 Nov"}}: 200 with
     * the action as it now stands (the same status again changes nothing); 400 for a status that does not
     * exist; 409 with the reason when the lifecycle does not allow it. POST does the same, for clients that
     * cannot PUT.
     */
    @PUT
    @Path("{triggerId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response change(@PathParam("runId") long runId, @PathParam("triggerId") long triggerId,
            StatusChangeRequest request) {
        if (request == null) {
            return plain(Response.Status.BAD_REQUEST,
                    "A body is required, e.g. {\"status\": \"IN_PROGRESS\", \"note\": \"…\"}");
        }
        ActionStatus next;
        String note;
        try {
            next = request.nextStatus();
            note = request.checkedNote();
        } catch (IllegalArgumentException invalid) {
            return plain(Response.Status.BAD_REQUEST, invalid.getMessage());
        }
        try {
            return Response.ok(actions.change(runId, triggerId, next, note, who())
                    .map(ActionPointView::of).orElseThrow(() -> notFound(runId, triggerId))).build();
        } catch (ActionStatusRefusedException refused) {
            return plain(Response.Status.CONFLICT, refused.getMessage());
        }
    }

    @POST
    @Path("{triggerId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response changeByPost(@PathParam("runId") long runId, @PathParam("triggerId") long triggerId,
            StatusChangeRequest request) {
        return change(runId, triggerId, request);
    }

    /** Every status change of the action point, oldest first. */
    @GET
    @Path("{triggerId}/history")
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<StatusChangeView> history(@PathParam("runId") long runId, @PathParam("triggerId") long triggerId) {
        return actions.history(runId, triggerId).orElseThrow(() -> notFound(runId, triggerId)).stream()
                .map(StatusChangeView::of).toList();
    }

    private static Response plain(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(reason).build();
    }

    private static NotFoundException notFound(long runId, long triggerId) {
        return new NotFoundException("Run " + runId + " raised no trigger " + triggerId);
    }

    private String who() {
        return Caller.name(security);
    }
}
