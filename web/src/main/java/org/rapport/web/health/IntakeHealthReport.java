package org.rapport.web.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.SourceHealth;
import org.rapport.integration.IntegrationRuntime;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.transport.FetchStatus;

/**
 * How each source's intake stands, from the ledger and from the running routes together: what it
 * delivered, what was quarantined or matched no customer, how far behind its newest record is, and
 * how its fetching goes. Sources that are defined but have delivered nothing yet are listed too.
 */
@ApplicationScoped
public class IntakeHealthReport {

    @EJB
    private IntakeCatalog catalog;

    @EJB
    private IntegrationRuntime integration;

    private final Clock clock = Clock.systemUTC();

    public List<SourceIntake> sources() {
        Map<String, SourceDefinition> defined = new LinkedHashMap<>();
        // as the running routes last saw the directory: no file is read again for a report
        integration.definedSources().forEach(definition -> defined.put(definition.name(), definition));
        List<SourceIntake> report = new ArrayList<>();
        for (SourceHealth health : catalog.health()) {
            SourceDefinition definition = defined.remove(health.source());
            ZoneId zone = definition == null ? ZoneId.systemDefault() : definition.timeZone();
            report.add(new SourceIntake(health.source(), health.kind(), running(health.source(), definition),
                    health.batches(), health.rowsAccepted(), health.rowsQuarantined(), health.rowsUnmatched(),
                    health.recordsHeld(), health.unmatchedNow(), health.newestRecordAt(),
                    lagSeconds(health.newestRecordAt(), zone), health.lastBatch(),
                    integration.fetchStatus(health.source())));
        }
        for (SourceDefinition definition : defined.values()) {
            report.add(new SourceIntake(definition.name(), definition.kind().name(),
                    integration.isRunning(definition.name()), 0, 0, 0, 0, 0, 0, null, null, null,
                    integration.fetchStatus(definition.name())));
        }
        return report;
    }

    /** Built-in folders always run; a configured source runs when its definition could be started. */
    private boolean running(String source, SourceDefinition definition) {
        return definition == null ? source.startsWith("file-drop/") : integration.isRunning(source);
    }

    private Long lagSeconds(LocalDateTime newest, ZoneId zone) {
        if (newest == null) {
            return null;
        }
        Instant newestInstant = newest.atZone(zone).toInstant();
        return Math.max(0, Duration.between(newestInstant, clock.instant()).toSeconds());
    }

    /**
     * One source's intake.
     *
     * @param rowsUnmatched    contact rows whose customer was blank or unknown when they were stored
     * @param recordsHeld      the source's records the store holds now, each once
     * @param rowsUnmatchedNow of those, the contact records matching no customer the store knows now
     * @param lagSeconds       how long ago the newest record the source delivered happened, in its time zone
     * @param fetch            for a fetched source (SFTP, HTTP, JDBC), how its fetches go
     */
    public record SourceIntake(String source, String kind, boolean running, long batches, long rowsAccepted,
            long rowsQuarantined, long rowsUnmatched, long recordsHeld, long rowsUnmatchedNow,
            LocalDateTime newestRecordAt, Long lagSeconds,
            SourceHealth.LastBatch lastBatch, Optional<FetchStatus.Snapshot> fetch) {
    }
}
