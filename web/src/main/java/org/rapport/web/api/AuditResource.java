package org.rapport.web.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.rapport.engine.audit.AuditEntry;
import org.rapport.engine.audit.AuditTrail;
import org.rapport.web.security.Roles;

/**
 * Who started runs, replayed batches, changed sources or users' roles, newest first. Rule sets,
 * action points and the distribution list have their own trails, under their own endpoints.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    @EJB
    private AuditTrail audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<EntryView> recent(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.recent(Math.max(1, Math.min(limit, MAX_LIMIT))).stream().map(EntryView::of).toList();
    }

    public record EntryView(String at, String by, String action, String subject, String detail) {
        static EntryView of(AuditEntry entry) {
            return new EntryView(entry.getRecordedAt().toString(), entry.getRecordedBy(), entry.getAction().name(),
                    entry.getSubject(), entry.getDetail());
        }
    }
}
