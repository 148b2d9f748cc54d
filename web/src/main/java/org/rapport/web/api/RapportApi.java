package org.rapport.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API of Rapport, under {@code /rapport/api}. Resources in this package are discovered by the server.
 */
@ApplicationPath("/api")
public class RapportApi extends Application {
}
