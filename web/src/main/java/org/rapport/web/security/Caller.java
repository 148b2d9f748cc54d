package org.rapport.web.security;

import java.security.Principal;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/** The signed-in user an audit trail names for a change made through the API. */
public final class Caller {

    private Caller() {
    }

    /**
     * The caller's name. Every endpoint requires a signed-in user, so there is always one; were a
     * request ever to arrive without, the change is refused rather than recorded as nobody's.
     */
    public static String name(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            throw new NotAuthorizedException("Sign in first", "Bearer");
        }
        return principal.getName();
    }
}
