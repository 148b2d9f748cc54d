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

/**
 * Ready when the Rapport datasource hands out a valid connection (H2 by default, PostgreSQL in production).
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
            return response.status(connection.isValid(VALID_TIMEOUT_SECONDS)).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
