package org.rapport.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.integration.IntegrationRuntime;
import org.rapport.integration.mapping.SourceGuide;
import org.rapport.web.security.Roles;

/**
 * What a source definition can say, for the form that writes one: the settings and which are required
 * (e.g. {@code timeZone}), each transport's settings, each kind's canonical fields and the formats that
 * deliver it. Read from the code that checks definitions, so the form asks for what saving will check.
 */
@Path("source-guide")
@Produces(MediaType.APPLICATION_JSON)
public class SourceGuideResource {

    @EJB
    private IntegrationRuntime integration;

    @GET
    @RolesAllowed(Roles.INTEGRATION)
    public SourceGuide guide() {
        return integration.sourceGuide();
    }
}
