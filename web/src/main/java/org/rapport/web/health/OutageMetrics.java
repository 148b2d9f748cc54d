package org.rapport.web.health;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.rapport.engine.outage.InfrastructureRetries;
import org.rapport.integration.IntegrationRuntime;

/**
 * Outages ridden out, as metrics (Prometheus format on the management port's {@code /metrics}):
 * {@code rapport_infrastructure_retries{area="intake"|"run"|"schedule"}}, how many times work was tried again
 * because the database (or the disk) failed it since the server started, and
 * {@code rapport_intake_waiting_files}, how many files wait in their inbox for it now. Read on each scrape
 * from memory: no database involved, so they stay right during the outage they count.
 */
@Singleton
@Startup
@DependsOn("IntegrationRuntime")
public class OutageMetrics {

    @Inject
    private MeterRegistry registry;

    @EJB
    private IntegrationRuntime integration;

    @PostConstruct
    void register() {
        // MeterRegistry.gauge, not a builder: WildFly 39 exports only what the convenience methods register
        // (see IntakeMetrics). A gauge that only grows, read as a counter by rate().
        for (String area : InfrastructureRetries.AREAS) {
            registry.gauge("rapport.infrastructure.retries", Tags.of("area", area), area,
                    counted -> (double) InfrastructureRetries.count(counted));
        }
        registry.gauge("rapport.intake.waiting.files", Tags.empty(), integration,
                runtime -> runtime.waitingFiles().size());
    }

    @PreDestroy
    void unregister() {
        DeploymentMeters.remove(registry, List.of("rapport.infrastructure.retries", "rapport.intake.waiting.files"));
    }
}
