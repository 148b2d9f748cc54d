package org.rapport.web.security;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Browser sign-in with the OpenID Connect provider: the authorization-code flow with PKCE, state and
 * nonce (Nimbus OAuth 2.0 SDK). {@code /sign-in/openid-connect} sends the browser to the provider;
 * the provider sends it back to {@code …/callback} with a code, which is exchanged for tokens; the ID
 * token is validated (signature, issuer, audience, expiry, nonce) and the access token gives the user
 * and roles exactly as a bearer token would ({@link TokenVerifier}). The browser then has a new
 * session. {@code /sign-in/options} tells the sign-in page which ways to sign in there are.
 */
@WebServlet(urlPatterns = {OpenIdSignIn.START, OpenIdSignIn.CALLBACK, OpenIdSignIn.OPTIONS})
public class OpenIdSignIn extends HttpServlet {

    static final String START = "/sign-in/openid-connect";
    static final String CALLBACK = "/sign-in/openid-connect/callback";
    static final String OPTIONS = "/sign-in/options";

    private static final Logger LOG = Logger.getLogger(OpenIdSignIn.class.getName());
    private static final String PENDING = OpenIdSignIn.class.getName() + ".pending";

    /** What the callback must find again: kept in the not yet signed-in session. */
    private record Pending(String state, String nonce, String verifier) implements Serializable {
    }

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    TokenVerifier tokens;

    @Inject
    BuiltInUsers users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case OPTIONS -> options(response);
            case START -> start(request, response);
            default -> callback(request, response);
        }
    }

    private void options(HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("password", !users.accounts().isEmpty())
                .add("openIdConnect", provider.configured()).build().toString());
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        OIDCProviderMetadata metadata;
        try {
            metadata = provider.metadata();
        } catch (OidcProvider.Unavailable e) {
            unavailable(response, e.getMessage());
            return;
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate();
        }
        request.getSession(true).setAttribute(PENDING, new Pending(state.getValue(), nonce.getValue(), verifier.getValue()));
        AuthenticationRequest authentication = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile"), new ClientID(settings.clientId()), redirectUri(request))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        response.sendRedirect(authentication.toURI().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (pending == null) {
            refuse(response, "This sign-in was not started here, or took too long: start again");
            return;
        }
        session.removeAttribute(PENDING);
        try {
            OIDCProviderMetadata metadata = provider.metadata();
            AuthenticationResponse answer = AuthenticationResponseParser.parse(URI.create(request.getRequestURL() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString())));
            if (!answer.getState().getValue().equals(pending.state())) {
                refuse(response, "The answer does not belong to this sign-in");
                return;
            }
            if (!answer.indicatesSuccess()) {
                refuse(response, "The provider did not sign you in: " + answer.toErrorResponse().getErrorObject().getCode());
                return;
            }
            URI redirect = redirectUri(request);
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(answer.toSuccessResponse().getAuthorizationCode(),
                    redirect, new CodeVerifier(pending.verifier()));
            ClientID client = new ClientID(settings.clientId());
            TokenRequest exchange = settings.clientSecret()
                    .map(secret -> new TokenRequest(metadata.getTokenEndpointURI(), new ClientSecretBasic(client, new Secret(secret)), grant))
                    .orElseGet(() -> new TokenRequest(metadata.getTokenEndpointURI(), client, grant));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(exchange.toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                refuse(response, "The provider refused the sign-in: " + tokenResponse.toErrorResponse().getErrorObject().getCode());
                return;
            }
            OIDCTokenResponse tokensAnswer = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            new IDTokenValidator(metadata.getIssuer(), client, JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL())
                    .validate(tokensAnswer.getOIDCTokens().getIDToken(), new Nonce(pending.nonce()));
            SignedInUser user = tokens.verify(tokensAnswer.getOIDCTokens().getAccessToken().getValue());
            session.invalidate();
            request.getSession(true).setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            response.sendRedirect(request.getContextPath() + "/");
        } catch (OidcProvider.Unavailable | TokenVerifier.ProviderUnavailable e) {
            unavailable(response, e.getMessage());
        } catch (TokenVerifier.Refused e) {
            refuse(response, "The provider's token was refused: " + e.getMessage());
        } catch (ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException
                | IllegalArgumentException e) {
            refuse(response, "The sign-in answer could not be checked: " + e.getMessage());
        }
    }

    private URI redirectUri(HttpServletRequest request) {
        return URI.create(settings.redirectUri().orElseGet(() -> request.getScheme() + "://" + request.getServerName() + ":"
                + request.getServerPort() + request.getContextPath() + CALLBACK));
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }

    private static void unavailable(HttpServletResponse response, String reason) throws IOException {
        LOG.warning("OpenID Connect sign-in not possible now: " + reason);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("The sign-in provider cannot be reached; try again shortly.\n");
    }
}
