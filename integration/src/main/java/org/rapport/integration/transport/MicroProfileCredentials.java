package org.rapport.integration.transport;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Credentials from MicroProfile Config: the credential {@code pbx-sftp} is the property
 * {@code rapport.credential.pbx-sftp}. Config reads it from system properties, from the environment
 * ({@code RAPPORT_CREDENTIAL_PBX_SFTP}: upper case, other characters as underscores) and from any
 * source the server adds, such as a secrets directory; so a secret never sits in a definition.
 */
public final class MicroProfileCredentials implements CredentialResolver {

    static final String PREFIX = "rapport.credential.";

    private final Config config;

    public MicroProfileCredentials(Config config) {
        this.config = config;
    }

    @Override
    public Optional<String> find(String name) {
        return config.getOptionalValue(PREFIX + name, String.class);
    }

    @Override
    public String howToProvide(String name) {
        return "set the property " + PREFIX + name + " or the environment variable "
                + environmentName(PREFIX + name);
    }

    /** The environment variable MicroProfile Config reads a property from. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
