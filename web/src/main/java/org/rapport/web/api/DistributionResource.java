package org.rapport.web.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.engine.publish.DeliveryEntry;
import org.rapport.engine.publish.DistributionAdmin;
import org.rapport.engine.publish.InvalidRecipientException;

/** Who receives the board pack (every change audited), and who received which pack. */
@Path("distribution")
@Produces(MediaType.APPLICATION_JSON)
public class DistributionResource {


    @EJB
    private DistributionAdmin distribution;

    @Context
    private SecurityContext security;

    @GET
    @Path("recipients")
    @RolesAllowed(Roles.ADMIN)
    public List<String> recipients() {
        return distribution.recipients();
    }

    /**
     * Adds {@code {"address": "cco@example.com"}}; 400 naming it when it is not an e-mail address. JSON only:
     * a plain-text or form body is what another site's page could post with an administrator's cookie.
     */
    @POST
    @Path("recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response add(RecipientRequest request) {
        String address = request == null ? null : request.address();
        if (address == null || address.isBlank()) {
            throw new BadRequestException("Send {\"address\": \"…\"}");
        }
        try {
            distribution.add(address, who());
        } catch (InvalidRecipientException invalid) {
            throw new BadRequestException(invalid.getMessage());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("recipients/{address}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("address") String address) {
        distribution.remove(address, who());
        return Response.noContent().build();
    }

    @GET
    @Path("history")
    @RolesAllowed(Roles.ADMIN)
    public List<HistoryView> history() {
        return distribution.history().stream()
                .map(change -> new HistoryView(change.getChangedAt().toString(), change.getChangedBy(),
                        change.getAction(), change.getAddress()))
                .toList();
    }

    @GET
    @Path("runs/{id}")
    @RolesAllowed(Roles.ADMIN)
    public List<DeliveryView> deliveries(@PathParam("id") long runId) {
        return distribution.deliveries(runId).stream().map(DeliveryView::of).toList();
    }

    private String who() {
        return Caller.name(security);
    }

    /** A recipient to add. */
    public record RecipientRequest(String address) {
    }

    /** One change to the list. */
    public record HistoryView(String at, String by, String action, String address) {
    }

    /** One delivery of a pack. */
    public record DeliveryView(String channel, String target, String status, int attempts, String lastError,
            String deliveredAt) {

        static DeliveryView of(DeliveryEntry entry) {
            return new DeliveryView(entry.channel(), entry.target(), entry.status(), entry.attempts(),
                    entry.lastError(), entry.deliveredAt() == null ? null : entry.deliveredAt().toString());
        }
    }
}
