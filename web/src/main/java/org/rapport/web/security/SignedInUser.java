package org.rapport.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who a browser session belongs to, kept in the session once the user has signed in, so that the
 * pages' API calls need no credentials of their own.
 *
 * @param name  the user's name as audit trails record it
 * @param roles the user's roles when signing in (a change of roles applies from the next sign-in)
 * @param how   how the user proved who they are: {@code password} or {@code openid-connect}
 */
public record SignedInUser(String name, Set<String> roles, String how) implements Serializable {

    /** The session attribute that holds it. */
    public static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();

    public SignedInUser {
        roles = Set.copyOf(roles);
    }
}
