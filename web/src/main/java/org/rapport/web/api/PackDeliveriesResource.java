package org.rapport.web.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.engine.publish.DistributionAdmin;
import org.rapport.engine.run.RunCatalog;
import org.rapport.web.security.Roles;

/**
 * Who received a run's board pack, for the pack archive: each delivery with its channel, recipient, status
 * and time. The readers of the pack may see whom it went to; changing the list stays the administrator's
 * ({@link DistributionResource}). Read-only.
 */
@Path("runs/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class PackDeliveriesResource {

    @EJB
    private DistributionAdmin distribution;

    @EJB
    private RunCatalog catalog;

    /** Oldest first as recorded; 404 for a run that does not exist, an empty list for one not yet sent. */
    @GET
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.ADMIN})
    public List<DistributionResource.DeliveryView> deliveries(@PathParam("id") long id) {
        if (catalog.summary(id).isEmpty()) {
            throw new NotFoundException("No run " + id);
        }
        return distribution.deliveries(id).stream().map(DistributionResource.DeliveryView::of).toList();
    }
}
