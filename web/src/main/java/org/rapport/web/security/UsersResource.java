package org.rapport.web.security;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.engine.audit.AuditAction;
import org.rapport.engine.audit.AuditTrail;

/**
 * The administrator's view of Rapport's own users and their roles. Users of an OpenID Connect
 * provider get their roles from the provider and are not listed.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UsersResource {

    @Inject
    BuiltInUsers users;

    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;

    @GET
    public List<UserView> list() {
        return users.accounts().stream().map(UserView::of).toList();
    }

    /** {@code {"roles": ["board", "strategy"]}}: 400 for a role that is not one, 409 for a preset user. */
    @PUT
    @Path("{name}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeRoles(@PathParam("name") String name, RolesRequest request) {
        if (request == null || request.roles() == null) {
            throw new BadRequestException("Send {\"roles\": [...]} with any of " + String.join(", ", Roles.ALL));
        }
        try {
            BuiltInUsers.Account changed = users.changeRoles(name, new LinkedHashSet<>(request.roles()));
            audit.record(Caller.name(security), AuditAction.USER_ROLES_CHANGED, name, String.join(",", changed.roles()));
            return Response.ok(UserView.of(changed)).build();
        } catch (IllegalArgumentException e) {
            if (users.accounts().stream().noneMatch(account -> account.name().equals(name))) {
                throw new NotFoundException("No user " + name);
            }
            throw new BadRequestException(e.getMessage());
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(new Refusal(e.getMessage())).build();
        }
    }

    public record RolesRequest(List<String> roles) {
    }

    public record Refusal(String message) {
    }

    public record UserView(String name, List<String> roles, String origin) {
        static UserView of(BuiltInUsers.Account account) {
            return new UserView(account.name(), Roles.ALL.stream().filter(account.roles()::contains).toList(),
                    account.preset() ? "configuration" : "built-in");
        }
    }
}
