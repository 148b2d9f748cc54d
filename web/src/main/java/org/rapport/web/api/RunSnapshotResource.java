package org.rapport.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.engine.run.RunCatalog;
import org.rapport.engine.run.SnapshotArchive;
import org.rapport.web.security.Roles;

/**
 * Everything a run's board pack shows (headline tiles with their 12-month trend, KPI lines, stages and
 * movement, churn reasons, action points by pillar …), for the board's month dashboard. It is the snapshot
 * the pack was rendered from, written by the same JSON-B mapping the archive uses, so the screen and the
 * PDF show the same figures. Read-only.
 */
@Path("runs/{id}/snapshot")
@Produces(MediaType.APPLICATION_JSON)
public class RunSnapshotResource {

    @EJB
    private RunCatalog catalog;

    @GET
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public String snapshot(@PathParam("id") long id) {
        return SnapshotArchive.toJson(catalog.snapshot(id).orElseThrow(() -> new NotFoundException("No run " + id)));
    }
}
