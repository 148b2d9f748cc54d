package org.rapport.engine.readiness;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The completeness rules sources declare in their own definitions ({@code "readiness"} in a source's
 * JSON), read through whatever holds the definitions now: a definition edited by the integration
 * team counts from its next load, with no copy here to go stale.
 */
@ApplicationScoped
public class DeclaredCompleteness {

    private volatile Supplier<Map<String, Completeness>> declared = Map::of;

    /** Where the declarations are read from: the running integration's definitions, by source name. */
    public void readFrom(Supplier<Map<String, Completeness>> declarations) {
        this.declared = declarations;
    }

    /** The rule {@code source} declares, if it declares one. */
    public Optional<Completeness> of(String source) {
        return Optional.ofNullable(declared.get().get(source));
    }
}
