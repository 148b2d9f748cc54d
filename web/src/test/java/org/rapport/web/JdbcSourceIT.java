package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.integration.transport.CrmDatabase;

/**
 * A CRM's own database as a source, inside the server: the operator binds a data source for it in
 * WildFly (here through the management API, as the CLI would), the integration team names it in a
 * definition, and the server queries it incrementally and stores the customers. The database is a
 * real PostgreSQL started by the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JdbcSourceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String CRM_DS = "java:jboss/datasources/CrmIT";

    @ArquillianResource
    private URL application;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void customersQueriedFromTheCrmDatabaseThroughAServerDataSourceAreStored() throws Exception {
        CrmDatabase.reset();
        // Customers who left long before any month the tests on this server grade, so they change none of them.
        CrmDatabase.execute("INSERT INTO customer SELECT 'J-' || n, 'one-year', 'north', 'medium', DATE '2019-01-01', "
                + "'churned', DATE '2024-01-31', 'better_offer', 120.00, 'phone', true, false, "
                + "TIMESTAMP '2026-10-01 08:00:00' + n * INTERVAL '1 minute' FROM generate_series(1, 25) n");
        bindCrmDataSource();
        ApiClient api = new ApiClient(application);
        try {
            HttpResponse<String> saved = api.put("api/sources/crm-db", "application/json", """
                    {"name": "crm-db", "kind": "customers", "format": "generic-csv", "timeZone": "UTC",
                     "schedule": "PT1H",
                     "transport": {"type": "jdbc", "dataSource": "%s", "updatedAtColumn": "updated_at",
                                   "query": "select * from customer where updated_at > :since order by updated_at"}}
                    """.formatted(CRM_DS));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(ApiClient.read(saved.body()).asJsonObject().getJsonObject("source").getBoolean("running"))
                    .isTrue();

            JsonObject health = Poll.until(TIMEOUT, () -> api.json("api/intake/health").asJsonArray()
                            .getValuesAs(JsonObject.class).stream()
                            .filter(source -> source.getString("source").equals("crm-db")).findFirst().orElse(null),
                    source -> source != null && source.getInt("rowsAccepted") == 25);
            assertThat(health.getInt("rowsQuarantined")).isZero();
            assertThat(health.getJsonObject("fetch").getInt("rowsLanded")).isEqualTo(25);
            assertThat(health.getJsonObject("fetch").getBoolean("healthy")).isTrue();
        } finally {
            api.delete("api/sources/crm-db");
            execute(operation("remove"));
        }
    }

    /** As {@code data-source add} in the CLI, with the PostgreSQL driver the server is provisioned with. */
    private void bindCrmDataSource() throws Exception {
        ModelNode add = operation("add");
        add.get("jndi-name").set(CRM_DS);
        add.get("driver-name").set("postgresql");
        add.get("connection-url").set(CrmDatabase.jdbcUrl());
        add.get("user-name").set("postgres");
        add.get("password").set("postgres");
        execute(add);
    }

    private static ModelNode operation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "datasources").add("data-source", "CrmIT");
        return operation;
    }

    private void execute(ModelNode operation) throws Exception {
        ModelNode result = management.getControllerClient().execute(operation);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }
}
