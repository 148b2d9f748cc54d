package org.rapport.engine.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rapport.engine.config.RapportSettings;

/** The installation's identifier key, loaded once ({@link IdentifierKeyFile}). Thread-safe. */
@ApplicationScoped
public class InstallationKeys {

    @Inject
    RapportSettings settings;

    private volatile IdentifierKey identifierKey;

    public IdentifierKey identifierKey() {
        IdentifierKey key = identifierKey;
        if (key == null) {
            synchronized (this) {
                if (identifierKey == null) {
                    identifierKey = IdentifierKeyFile.load(settings.identifierKey(), settings.dataDir());
                }
                key = identifierKey;
            }
        }
        return key;
    }
}
