package org.rapport.web.security;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * The OpenID Connect provider as its discovery document describes it (endpoints, key set), read the
 * first time it is needed and kept; a provider that cannot be reached is asked again next time.
 */
@ApplicationScoped
public class OidcProvider {

    /** The provider could not be asked; the caller answers 503, never 401. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    OidcSettings settings;

    private volatile OIDCProviderMetadata metadata;

    public boolean configured() {
        return settings.issuer().isPresent();
    }

    public OIDCProviderMetadata metadata() throws Unavailable {
        OIDCProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        String issuer = settings.issuer().orElseThrow(() -> new IllegalStateException("No OpenID Connect provider is configured"));
        try {
            // resolve() checks that the document names the same issuer
            known = OIDCProviderMetadata.resolve(new Issuer(issuer), 5_000, 10_000);
        } catch (GeneralException | IOException e) {
            throw new Unavailable("cannot read the discovery document of " + issuer + ": " + e.getMessage(), e);
        }
        metadata = known;
        return known;
    }
}
