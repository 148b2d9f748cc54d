package org.rapport.engine.config;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.kpi.ContactCosts;

/**
 * The installation's settings, from MicroProfile Config (system properties, environment variables
 * such as RAPPORT_DATA_DIR, or microprofile-config.properties).
 */
@ApplicationScoped
public class RapportSettings {

    @Inject
    @ConfigProperty(name = "rapport.data.dir")
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = "rapport.company.name", defaultValue = "Rapport Demo Telco")
    String companyName;

    @Inject
    @ConfigProperty(name = "rapport.run.month")
    Optional<String> runMonth;

    @Inject
    @ConfigProperty(name = "rapport.identifier.key")
    Optional<String> identifierKey;

    @Inject
    @ConfigProperty(name = "rapport.run.quiet-period-seconds", defaultValue = "3")
    long quietPeriodSeconds;

    @Inject
    @ConfigProperty(name = "rapport.cost-per-contact")
    Optional<String> costPerContact;

    /** Where the database, intake folders and packs live; defaults to ./data under the working directory. */
    public Path dataDir() {
        return Path.of(dataDir.orElse(System.getProperty("user.dir") + "/data")).toAbsolutePath().normalize();
    }

    /** Where published board packs are written as files. */
    public Path packsDir() {
        return dataDir().resolve("packs");
    }

    public String companyName() {
        return companyName;
    }

    /** A fixed month to run ("2026-10"), or empty to run the latest month that has data. */
    public Optional<String> runMonth() {
        return runMonth.filter(month -> !month.isBlank());
    }

    /** The key (Base64) under which account and telephone numbers are hashed, when not kept in the data folder. */
    public Optional<String> identifierKey() {
        return identifierKey;
    }

    /** How long intake must be quiet before the month is run again. */
    public long quietPeriodSeconds() {
        return quietPeriodSeconds;
    }

    /** £ per contact by channel for cost to serve ("phone=5.00,email=3.50,…,other=4.00"); the standard figures where unset. */
    public ContactCosts contactCosts() {
        return costPerContact.filter(text -> !text.isBlank()).map(ContactCosts::parse).orElseGet(ContactCosts::standard);
    }
}
