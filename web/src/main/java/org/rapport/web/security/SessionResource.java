package org.rapport.web.security;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The signed-in user: who they are ({@code GET}), signing a browser in ({@code POST}, with the
 * credentials the request authenticated by) and out ({@code DELETE}). Open to every signed-in user,
 * whatever their roles, so that a user without a role can still see why nothing else is.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest request;

    @GET
    @PermitAll
    public Me me() {
        return Me.of(current("session"), request.getSession(false));
    }

    /**
     * Keeps the user who authenticated this request in a new browser session (a new session id, so
     * that an id planted before signing in is worth nothing). The session expires after the
     * installation's idle time.
     */
    @POST
    @PermitAll
    public Me signIn() {
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate();
        }
        SignedInUser user = current("password");
        HttpSession session = request.getSession(true);
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
        return Me.of(user, session);
    }

    @DELETE
    @PermitAll
    public Response signOut() throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        return Response.noContent().build();
    }

    private SignedInUser current(String how) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
            return user;
        }
        Set<String> roles = Set.copyOf(Roles.ALL.stream().filter(security::isUserInRole).toList());
        return new SignedInUser(security.getUserPrincipal().getName(), roles, how);
    }

    /**
     * What the pages show of the user: name and roles, in the order of {@link Roles#ALL}, and for a
     * browser session how long it may stay idle before its user must sign in again (null without one).
     */
    public record Me(String user, List<String> roles, Integer idleTimeoutSeconds) {
        static Me of(SignedInUser user, HttpSession session) {
            return new Me(user.name(), Roles.ALL.stream().filter(user.roles()::contains).toList(),
                    session == null || session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) == null ? null
                            : session.getMaxInactiveInterval());
        }
    }
}
