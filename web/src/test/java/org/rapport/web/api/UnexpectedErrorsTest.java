package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class UnexpectedErrorsTest {

    @Test
    void aConnectionFailureDeepInTheChainIsAnOutageAnswered503WithRetryAfter() {
        Throwable stopped = new EJBException(new PersistenceException("could not execute query",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseOutage.reason(stopped)).hasValueSatisfying(reason -> assertThat(reason).contains("57P01"));
        Response answer = new UnexpectedErrors().toResponse(stopped);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(answer.getEntity().toString()).contains("database-unavailable").doesNotContain("administrator command");
    }

    @Test
    void connectionStatesPoolsAndRefusedConnectionsAreOutagesToo() {
        assertThat(DatabaseOutage.reason(new SQLException("gone", "08006"))).isPresent();
        assertThat(DatabaseOutage.reason(new SQLTransientConnectionException("timeout"))).isPresent();
        assertThat(DatabaseOutage.reason(new RuntimeException(new ConnectException("Connection refused")))).isPresent();
    }

    @Test
    void aFaultyStatementIsNotAnOutageAndStays500WithoutItsText() {
        Throwable syntax = new PersistenceException(new SQLException("syntax error at or near \"selct\"", "42601"));

        assertThat(DatabaseOutage.reason(syntax)).isEmpty();
        Response answer = new UnexpectedErrors().toResponse(syntax);
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity().toString()).contains("incident").doesNotContain("selct").doesNotContain("SQL");
    }

    @Test
    void anEndpointsOwnRefusalKeepsItsStatusAndSaysWhyAsJson() {
        Response answer = new UnexpectedErrors().toResponse(new jakarta.ws.rs.NotFoundException("No run 5"));

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getEntity().toString()).contains("\"message\":\"No run 5\"");
    }
}
