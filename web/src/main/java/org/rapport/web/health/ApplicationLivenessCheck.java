package org.rapport.web.health;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live as long as the application is deployed and answers: deliberately cheap and free of external dependencies,
 * so that a slow database never gets the process restarted (that is what readiness is for).
 * Served by WildFly on the management interface: {@code http://127.0.0.1:9990/health/live}.
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    static final String NAME = "rapport";

    @Override
    public HealthCheckResponse call() {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        return HealthCheckResponse.named(NAME)
                .withData("uptimeSeconds", uptime.toSeconds())
                .up()
                .build();
    }
}
