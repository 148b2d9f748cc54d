package org.rapport.integration.crmexport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.rapport.integration.EndpointUri;

/**
 * Where and how often customer actions go to the CRM.
 *
 * @param outbox              the folder the CRM collects action-list CSV files from
 * @param endpoint            the CRM's REST endpoint the lists are POSTed to as JSON; empty for files only
 * @param pollInterval        how often published runs are looked for that were not exported yet
 * @param maximumRedeliveries how many more times a failed POST (or file write) is tried
 * @param redeliveryDelay     the wait before the first retry; each further retry waits twice as long
 */
public record CrmExportSettings(Path outbox, Optional<URI> endpoint, Duration pollInterval, int maximumRedeliveries,
        Duration redeliveryDelay) {

    public CrmExportSettings {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(endpoint, "endpoint");
        try {
            EndpointUri.folder(outbox);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException("The CRM outbox (rapport.crm.outbox): " + refused.getMessage(), refused);
        }
        endpoint.ifPresent(uri -> {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("The CRM endpoint must be an http or https URL, not " + uri);
            }
            // the URL is recorded with every export, and Camel would take a query's names for its own options
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("The CRM endpoint (rapport.crm.url) carries no user, password,"
                        + " query or fragment: " + uri.getScheme() + "://" + uri.getHost() + " …");
            }
        });
    }

    /** Production defaults: look every minute, retry a failed POST 5 times over about a minute (2, 4, 8, 16, 32 s). */
    public static CrmExportSettings standard(Path outbox, Optional<URI> endpoint) {
        return new CrmExportSettings(outbox, endpoint, Duration.ofMinutes(1), 5, Duration.ofSeconds(2));
    }

    /**
     * The installation's settings: {@code rapport.crm.outbox} (default {@code <data dir>/crm-outbox}),
     * {@code rapport.crm.url} (unset: files only), {@code rapport.crm.max-retries} (5) and
     * {@code rapport.crm.retry-seconds} (2, doubled at each retry).
     *
     * @param property a configuration lookup, e.g. {@code name -> ConfigProvider.getConfig().getOptionalValue(name, String.class)}
     */
    public static CrmExportSettings fromConfig(Path dataDir, Function<String, Optional<String>> property) {
        Function<String, Optional<String>> set = name -> property.apply(name).map(String::strip)
                .filter(value -> !value.isEmpty());
        return new CrmExportSettings(
                set.apply("rapport.crm.outbox").map(Path::of).orElse(dataDir.resolve("crm-outbox")),
                set.apply("rapport.crm.url").map(URI::create), Duration.ofMinutes(1),
                set.apply("rapport.crm.max-retries").map(Integer::parseInt).orElse(5),
                Duration.ofSeconds(set.apply("rapport.crm.retry-seconds").map(Long::parseLong).orElse(2L)));
    }
}
