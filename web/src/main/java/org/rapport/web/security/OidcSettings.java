package org.rapport.web.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How Rapport trusts an OpenID Connect provider (Keycloak or any other), from configuration only:
 * {@code rapport.oidc.issuer} (e.g. {@code https://sso.example/realms/acme}; none: no provider),
 * {@code rapport.oidc.audience} (the client id tokens must be issued for, default {@code rapport}),
 * {@code rapport.oidc.roles-claim} (where the roles are, a dotted path such as
 * {@code realm_access.roles}; default {@code groups}) and {@code rapport.oidc.user-claim} (the name
 * audit trails record, default {@code preferred_username}, falling back to {@code sub}).
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "rapport.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "rapport.oidc.audience", defaultValue = "rapport")
    String audience;

    @Inject
    @ConfigProperty(name = "rapport.oidc.roles-claim", defaultValue = "groups")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "rapport.oidc.user-claim", defaultValue = "preferred_username")
    String userClaim;

    @Inject
    @ConfigProperty(name = "rapport.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "rapport.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "rapport.oidc.redirect-uri")
    Optional<String> redirectUri;

    public String clientId() {
        return clientId.filter(id -> !id.isBlank()).orElse(audience);
    }

    public Optional<String> clientSecret() {
        return clientSecret.filter(secret -> !secret.isBlank());
    }

    public Optional<String> redirectUri() {
        return redirectUri.filter(uri -> !uri.isBlank());
    }

    public Optional<String> issuer() {
        return issuer.map(String::trim).filter(value -> !value.isEmpty()).map(OidcSettings::withoutTrailingSlash);
    }

    public String audience() {
        return audience;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    public String userClaim() {
        return userClaim;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
