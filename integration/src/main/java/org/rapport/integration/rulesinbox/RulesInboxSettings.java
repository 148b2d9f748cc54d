package org.rapport.integration.rulesinbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the rules inbox is watched.
 *
 * @param inbox                 the folder rule files are dropped into
 * @param pollInterval          how often it is looked at
 * @param readLockCheckInterval how long a file must stay unchanged before it is read (one last changed longer ago is
 *                              read at once, {@link org.rapport.integration.SettledFiles})
 * @param activateWhenValid     whether a valid draft is activated at once (audited as the rules inbox);
 *                              off by default: activation stays an explicit act over the API
 * @param maximumRedeliveries   how many more times a draft is tried after a technical fault (database down)
 * @param redeliveryDelay       the wait before the first retry; each further retry waits twice as long
 */
public record RulesInboxSettings(Path inbox, Duration pollInterval, Duration readLockCheckInterval,
        boolean activateWhenValid, int maximumRedeliveries, Duration redeliveryDelay) {

    public RulesInboxSettings {
        Objects.requireNonNull(inbox, "inbox");
    }

    /** Production defaults: look every 2 s, a file must be still for 1 s, retry 3 times over about 15 s. */
    public static RulesInboxSettings standard(Path inbox, boolean activateWhenValid) {
        return new RulesInboxSettings(inbox, Duration.ofSeconds(2), Duration.ofSeconds(1), activateWhenValid, 3,
                Duration.ofSeconds(2));
    }

    /**
     * The installation's settings: the inbox is {@code <data dir>/rules-inbox}; a valid draft is activated at
     * once only when {@code rapport.rules-inbox.activate-when-valid} is {@code true} (default off).
     *
     * @param property a configuration lookup, e.g. {@code name -> ConfigProvider.getConfig().getOptionalValue(name, String.class)}
     */
    public static RulesInboxSettings fromConfig(Path dataDir, Function<String, Optional<String>> property) {
        boolean activate = property.apply("rapport.rules-inbox.activate-when-valid")
                .map(value -> Boolean.parseBoolean(value.strip())).orElse(false);
        return standard(dataDir.resolve("rules-inbox"), activate);
    }
}
