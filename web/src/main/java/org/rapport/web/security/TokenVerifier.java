package org.rapport.web.security;

import java.net.URL;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * Checks a bearer token from the OpenID Connect provider: signed by one of the provider's published
 * keys (found through its discovery document, {@link OidcProvider}), issued by it, for Rapport's
 * audience, not expired. Keys are fetched and refreshed by Nimbus' key source.
 * The roles are read from the configured claim; roles Rapport does not know are ignored.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Why a token was not accepted. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The provider could not be asked (discovery or keys); the caller answers 503, never 401. */
    public static final class ProviderUnavailable extends Exception {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    public boolean configured() {
        return settings.issuer().isPresent();
    }

    /** The user the token names, with the roles it grants. */
    public SignedInUser verify(String token) throws Refused, ProviderUnavailable {
        if (!configured()) {
            throw new Refused("bearer tokens are not accepted: no OpenID Connect provider is configured");
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (KeySourceException e) {
            throw new ProviderUnavailable("the provider's keys could not be fetched", e);
        } catch (BadJOSEException | java.text.ParseException e) {
            throw new Refused(e.getMessage());
        } catch (JOSEException e) {
            throw new Refused("the token's signature could not be checked: " + e.getMessage());
        }
        Object name = claims.getClaim(settings.userClaim());
        String user = name instanceof String text && !text.isBlank() ? text : claims.getSubject();
        return new SignedInUser(user, roles(claims.getClaims(), settings.rolesClaim()), "openid-connect");
    }

    /** The known roles at a dotted claim path ({@code groups}, {@code realm_access.roles}). */
    static Set<String> roles(Map<String, Object> claims, String path) {
        Object value = claims.containsKey(path) ? claims.get(path) : null;
        if (value == null) {
            Object node = claims;
            for (String step : path.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(step) : null;
            }
            value = node;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> listed) {
            listed.stream().map(String::valueOf).filter(Roles::isRole).forEach(roles::add);
        } else if (value instanceof String text) {
            for (String role : text.split("[,\\s]+")) {
                if (Roles.isRole(role)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws ProviderUnavailable {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (processor == null) {
                OIDCProviderMetadata metadata;
                URL keys;
                try {
                    metadata = provider.metadata();
                    keys = metadata.getJWKSetURI().toURL();
                } catch (OidcProvider.Unavailable e) {
                    throw new ProviderUnavailable(e.getMessage(), e);
                } catch (java.net.MalformedURLException e) {
                    throw new ProviderUnavailable("the provider's jwks_uri is not a URL: " + e.getMessage(), e);
                }
                String issuer = metadata.getIssuer().getValue();
                JWKSource<SecurityContext> source = JWKSourceBuilder.create(keys).retrying(true).build();
                DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
                built.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, source));
                built.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(),
                        new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
                processor = built;
            }
            return processor;
        }
    }
}
