package org.rapport.web.health;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.readiness.IntakeActivity;
import org.rapport.engine.run.RunCatalog;

/**
 * The intake health as metrics (Prometheus format on the management port's {@code /metrics}), one
 * series per source: rows accepted, quarantined and unmatched (when stored, and now against the customers
 * known now), the records held, the lag behind the newest record, and
 * the fetches failed since the last good one. The figures are refreshed from the ledger every 30
 * seconds rather than read on each scrape, so a busy scraper never turns into database load; each
 * gauge is registered once and reads the latest figure (a source that goes away reads NaN). While a file waits its
 * turn or is being stored, or a run is working, the records held and unmatched now stay as last counted (a recount
 * reads every record table, seconds of a core at a million calls, which the intake or the run would wait for); they
 * are counted again at the first refresh after.
 */
@Singleton
@Startup
@DependsOn("IntegrationRuntime")
public class IntakeMetrics {

    private static final Logger LOG = Logger.getLogger(IntakeMetrics.class.getName());

    @Inject
    private MeterRegistry registry;

    @Inject
    private IntakeHealthReport report;

    @Inject
    IntakeActivity deliveries;

    @EJB
    IntakeCatalog intake;

    @EJB
    RunCatalog runs;

    /** The latest figure of each series, by metric name and tags. */
    private final Map<Series, Double> latest = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        refresh();
    }

    @PreDestroy
    void unregister() {
        DeploymentMeters.remove(registry, latest.keySet().stream().map(Series::name).distinct().toList());
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void refresh() {
        Map<Series, Double> now = new ConcurrentHashMap<>();
        try {
            for (IntakeHealthReport.SourceIntake source : report.sources(storeBusy())) {
                Tags tags = Tags.of("source", source.source(), "kind", source.kind());
                now.put(new Series("rapport.intake.rows", tags.and("state", "accepted")), (double) source.rowsAccepted());
                now.put(new Series("rapport.intake.rows", tags.and("state", "quarantined")),
                        (double) source.rowsQuarantined());
                now.put(new Series("rapport.intake.rows", tags.and("state", "unmatched")),
                        (double) source.rowsUnmatched());
                now.put(new Series("rapport.intake.rows", tags.and("state", "unmatched_now")),
                        (double) source.rowsUnmatchedNow());
                now.put(new Series("rapport.intake.records.held", tags), (double) source.recordsHeld());
                if (source.lagSeconds() != null) {
                    now.put(new Series("rapport.intake.lag.seconds", tags), (double) source.lagSeconds());
                }
                source.fetch().ifPresent(fetch -> now.put(new Series("rapport.intake.fetch.failures", tags),
                        (double) fetch.consecutiveFailures()));
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the last figures stay until the next refresh
            LOG.warning(() -> "Intake metrics not refreshed: " + e);
            return;
        }
        Set<Series> gone = Set.copyOf(latest.keySet());
        gone.stream().filter(series -> !now.containsKey(series)).forEach(series -> latest.put(series, Double.NaN));
        now.forEach((series, value) -> {
            if (latest.put(series, value) == null) {
                // MeterRegistry.gauge, not Gauge.builder(...).register: WildFly 39 hands a deployment a
                // wrapper registry that passes on only the convenience methods to the one it exports
                registry.gauge(series.name(), series.tags(), latest,
                        figures -> figures.getOrDefault(series, Double.NaN));
            }
        });
    }

    /**
     * Whether a file is in hand (waiting its turn or being stored here, in the staging on any node, or left half stored
     * in the ledger) or a run is working. The ledger's batches alone do not tell: a staged file's batch opens only once
     * the file is staged, and a file waiting its turn has none, so a recount begun then (every call joined to the
     * customers, seconds of both cores at 10,000,000 calls) ran beside that file's reading (bench/README.md). Unknown while the database is away, and then taken as
     * busy: the report answers from its last figures, as for any outage, and nothing more is logged.
     */
    boolean storeBusy() {
        if (!deliveries.idle()) {
            return true;
        }
        try {
            return intake.anyFileStaged() || !intake.filesBeingStored().isEmpty() || runs.anyWorking();
        } catch (RuntimeException e) {
            if (InfrastructureFault.of(e).isEmpty()) {
                throw e;
            }
            return true;
        }
    }

    private record Series(String name, Tags tags) {
    }
}
