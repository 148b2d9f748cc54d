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
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.integration.IntegrationRuntime;
import org.rapport.integration.filedrop.WaitingFiles;
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

    /** The last figures read from the ledger, for while it cannot be read. */
    private volatile Ledger lastRead;

    /**
     * Each source's intake. While the ledger cannot be read (the database away), its figures are the last ones
     * read, {@code ledgerAsOf} says when, and a file waiting for the database shows in {@code waiting}: the
     * report is answered from memory rather than failing with the database.
     */
    public List<SourceIntake> sources() {
        return sources(false);
    }

    /**
     * As {@link #sources()}; with {@code heldAsLastCounted} the records held and unmatched now are those last counted
     * ({@link IntakeCatalog#health(boolean)}).
     */
    public List<SourceIntake> sources(boolean heldAsLastCounted) {
        Map<String, SourceDefinition> defined = new LinkedHashMap<>();
        // as the running routes last saw the directory: no file is read again for a report
        integration.definedSources().forEach(definition -> defined.put(definition.name(), definition));
        Map<String, WaitingFiles.Waiting> waiting = new LinkedHashMap<>();
        integration.waitingFiles().forEach(file -> waiting.put(file.source(), file));
        Ledger ledger = ledger(heldAsLastCounted);
        List<SourceIntake> report = new ArrayList<>();
        for (SourceHealth health : ledger.sources()) {
            SourceDefinition definition = defined.remove(health.source());
            ZoneId zone = definition == null ? ZoneId.systemDefault() : definition.timeZone();
            report.add(new SourceIntake(health.source(), health.kind(), running(health.source(), definition),
                    health.batches(), health.rowsAccepted(), health.rowsQuarantined(), health.rowsUnmatched(),
                    health.recordsHeld(), health.unmatchedNow(), health.newestRecordAt(),
                    lagSeconds(health.newestRecordAt(), zone), health.lastBatch(),
                    integration.fetchStatus(health.source()), waiting.remove(health.source()), ledger.asOf()));
        }
        for (SourceDefinition definition : defined.values()) {
            report.add(new SourceIntake(definition.name(), definition.kind().name(),
                    integration.isRunning(definition.name()), 0, 0, 0, 0, 0, 0, null, null, null,
                    integration.fetchStatus(definition.name()), waiting.remove(definition.name()), ledger.asOf()));
        }
        for (WaitingFiles.Waiting file : waiting.values()) {
            // a built-in folder the ledger has not heard of yet (or could not be asked about)
            report.add(new SourceIntake(file.source(), file.kind(), true, 0, 0, 0, 0, 0, 0, null, null, null,
                    Optional.empty(), file, ledger.asOf()));
        }
        return report;
    }

    /** The ledger's figures now, or the last ones read when the database cannot be asked. */
    private Ledger ledger(boolean heldAsLastCounted) {
        try {
            Ledger now = new Ledger(catalog.health(heldAsLastCounted), null);
            lastRead = new Ledger(now.sources(), clock.instant());
            return now;
        } catch (RuntimeException e) {
            if (InfrastructureFault.of(e).isEmpty()) {
                throw e;
            }
            Ledger last = lastRead;
            return last == null ? new Ledger(List.of(), Instant.EPOCH) : last;
        }
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
     * @param waiting          the file that waits in its inbox for the database or the disk, null when none does
     * @param ledgerAsOf       null when the figures are the ledger's now; else when they were last read (the
     *                         ledger could not be read now; {@link Instant#EPOCH} when it never could)
     */
    public record SourceIntake(String source, String kind, boolean running, long batches, long rowsAccepted,
            long rowsQuarantined, long rowsUnmatched, long recordsHeld, long rowsUnmatchedNow,
            LocalDateTime newestRecordAt, Long lagSeconds,
            SourceHealth.LastBatch lastBatch, Optional<FetchStatus.Snapshot> fetch, WaitingFiles.Waiting waiting,
            Instant ledgerAsOf) {
    }

    private record Ledger(List<SourceHealth> sources, Instant asOf) {
    }
}
