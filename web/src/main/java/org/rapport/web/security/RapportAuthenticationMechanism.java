package org.rapport.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How every request to Rapport is authenticated, in this order:
 * <ol>
 * <li>{@code Authorization: Bearer} — a token from the OpenID Connect provider ({@link TokenVerifier});</li>
 * <li>{@code Authorization: Basic} — a built-in or preset user ({@link BuiltInUsers}), throttled per user
 * name ({@link SignInThrottle});</li>
 * <li>the browser session of a user who signed in on the sign-in page ({@link SignedInUser}).</li>
 * </ol>
 * Credentials that are present but wrong are refused even where nothing is protected. Without any,
 * the API answers 401 and a page redirects to the sign-in page. What a signed-in user may do is
 * each endpoint's {@code @RolesAllowed}.
 */
@ApplicationScoped
public class RapportAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(RapportAuthenticationMechanism.class.getName());
    private static final String SIGN_IN_PAGE = "/sign-in.html";

    @Inject
    BuiltInUsers users;

    @Inject
    TokenVerifier tokens;

    @Inject
    @ConfigProperty(name = "rapport.users.max-failed-sign-ins", defaultValue = "5")
    int maxFailedSignIns;

    @Inject
    @ConfigProperty(name = "rapport.users.lockout-seconds", defaultValue = "300")
    long lockoutSeconds;

    private SignInThrottle throttle;

    @PostConstruct
    void createThrottle() {
        throttle = new SignInThrottle(maxFailedSignIns, Duration.ofSeconds(lockoutSeconds), Clock.systemUTC());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (startsWithIgnoringCase(authorization, "Bearer ")) {
                return bearer(authorization.substring(7).trim(), response, context);
            }
            if (startsWithIgnoringCase(authorization, "Basic ")) {
                return basic(authorization.substring(6).trim(), request, response, context);
            }
            return refuse(response, context, 401, "unauthenticated",
                    "Only Bearer (OpenID Connect) and Basic credentials are accepted");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
            return context.notifyContainerAboutLogin(user.name(), user.roles());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return refuse(response, context, 401, "unauthenticated", "Sign in: "
                    + (tokens.configured() ? "a bearer token from the OpenID Connect provider, or " : "")
                    + "HTTP Basic with a Rapport user");
        }
        return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        try {
            SignedInUser user = tokens.verify(token);
            return context.notifyContainerAboutLogin(user.name(), user.roles());
        } catch (TokenVerifier.Refused e) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return refuse(response, context, 401, "invalid-token", "The bearer token was refused: " + e.getMessage());
        } catch (TokenVerifier.ProviderUnavailable e) {
            LOG.warning("Bearer token not checked: the OpenID Connect provider is unavailable (" + e.getMessage() + ")");
            response.setHeader("Retry-After", "30");
            return refuse(response, context, 503, "provider-unavailable",
                    "The sign-in provider cannot be reached; try again shortly");
        }
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        char[] decoded;
        try {
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(encoded)));
            decoded = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
        } catch (IllegalArgumentException e) {
            return refuse(response, context, 401, "unauthenticated", "The Basic credentials are not base64");
        }
        int colon = indexOf(decoded, ':');
        if (colon < 0) {
            Arrays.fill(decoded, '\0');
            return refuse(response, context, 401, "unauthenticated", "The Basic credentials have no ':'");
        }
        String name = new String(decoded, 0, colon);
        char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
        Arrays.fill(decoded, '\0');
        try {
            Optional<Duration> locked = throttle.lockedFor(name);
            if (locked.isPresent()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, locked.get().toSeconds())));
                return refuse(response, context, 429, "too-many-attempts",
                        "Too many wrong passwords for this user; try again later");
            }
            Optional<BuiltInUsers.Account> account = users.verify(name, password);
            if (account.isEmpty()) {
                if (throttle.failed(name)) {
                    LOG.warning("User " + printable(name) + " locked for " + throttle.lockout().toSeconds() + " s after "
                            + throttle.maxFailures() + " wrong passwords in a row (last from " + request.getRemoteAddr() + ")");
                }
                return refuse(response, context, 401, "unauthenticated", "Wrong user name or password");
            }
            throttle.succeeded(name);
            return context.notifyContainerAboutLogin(account.get().name(), account.get().roles());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
            String error, String message) {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Json.createObjectBuilder().add("error", error).add("message", message).build().toString());
            // committed now: an answer left open is replaced by the container's HTML error page
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getServletPath().startsWith("/api");
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A user name as a log line may show it: no line breaks or control characters, bounded. */
    static String printable(String name) {
        String cleaned = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned) + "'";
    }
}
