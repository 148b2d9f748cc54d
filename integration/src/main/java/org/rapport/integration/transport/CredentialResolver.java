package org.rapport.integration.transport;

import java.util.Map;
import java.util.Optional;

import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;

/**
 * Turns the name of a credential, as a definition gives it, into the secret: a password, a private
 * key or a token. Definitions only ever name a credential; the secret stays in the server's
 * configuration ({@link MicroProfileCredentials}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface CredentialResolver {

    /** The secret of that name, or empty when none is configured. */
    Optional<String> find(String name);

    /** How an administrator provides the credential of that name, for messages. */
    default String howToProvide(String name) {
        return "configure the credential '" + name + "'";
    }

    /** Secrets given directly, e.g. by a test. */
    static CredentialResolver of(Map<String, String> secrets) {
        Map<String, String> copy = Map.copyOf(secrets);
        return name -> Optional.ofNullable(copy.get(name));
    }

    /**
     * The secret a source names in {@code transport.credential}.
     *
     * @throws DefinitionException naming the source and the credential when it is not configured
     */
    default String require(SourceDefinition source, String name) throws DefinitionException {
        return find(name).filter(secret -> !secret.isEmpty()).orElseThrow(() -> new DefinitionException(
                "transport.credential", "source '" + source.name() + "' needs the credential '" + name
                        + "', which is not configured: " + howToProvide(name)));
    }
}
