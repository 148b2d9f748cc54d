package org.rapport.web.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.rapport.engine.outage.InfrastructureFault;

/**
 * Ready when the Rapport datasource hands out a valid connection (H2 by default, PostgreSQL in production);
 * DOWN with the reason while the database is out of reach, UP again on the first check after it returns (the
 * pool validates each connection it hands out, so none the database closed is reused). Liveness never
 * depends on it.
 * Served by WildFly on the management interface: {@code http://127.0.0.1:9990/health/ready}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "rapport-database";
    private static final int VALID_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/RapportDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            response.withData("database", meta.getDatabaseProductName())
                    .withData("version", meta.getDatabaseProductVersion());
            boolean valid = connection.isValid(VALID_TIMEOUT_SECONDS);
            if (!valid) {
                response.withData("reason", "the database did not answer a check within " + VALID_TIMEOUT_SECONDS + " s");
            }
            return response.status(valid).build();
        } catch (SQLException | RuntimeException e) {
            // the reason in words first, the driver's own message after it (it names no data, only the server)
            InfrastructureFault.of(e).ifPresent(fault -> response.withData("reason", fault.reason())
                    .withData("operatorFix", fault.operatorFix()));
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
