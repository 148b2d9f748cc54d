package org.rapport.web.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.QuarantineEntry;

/** What the sources delivered: the batch ledger and the quarantined rows, for the integration team. */
@Path("intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private static final int MAX_LIMIT = 1000;

    @EJB
    private IntakeCatalog catalog;

    @GET
    @Path("batches")
    public List<BatchEntry> batches(@QueryParam("limit") @DefaultValue("100") int limit) {
        return catalog.batches(bounded(limit));
    }

    @GET
    @Path("quarantine")
    public List<QuarantineEntry> quarantine(@QueryParam("limit") @DefaultValue("100") int limit) {
        return catalog.quarantine(bounded(limit));
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
