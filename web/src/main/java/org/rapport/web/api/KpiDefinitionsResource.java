package org.rapport.web.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.web.security.Roles;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;

/** "Where does this number come from?": each KPI's code, name, unit and definition. */
@Path("kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiDefinitionsResource {

    @GET
    @RolesAllowed({Roles.BOARD, Roles.STRATEGY, Roles.INTEGRATION, Roles.ADMIN})
    public List<KpiDefinition> definitions() {
        return KpiCatalogue.all();
    }
}
