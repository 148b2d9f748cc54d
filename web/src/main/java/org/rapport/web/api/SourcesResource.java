package org.rapport.web.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.engine.audit.AuditAction;
import org.rapport.engine.audit.AuditTrail;
import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.integration.IntegrationRuntime;
import org.rapport.integration.mapping.SampleTrial;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;

/**
 * The integration team's sources: the same JSON definitions as the files of the sources directory,
 * read and written over REST. A definition with a problem is refused with every problem named by
 * field, and the definition it would have replaced stays in force.
 */
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {
    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;


    @EJB
    private IntegrationRuntime integration;

    /** Every valid definition, whether it runs, and what is wrong with the definitions that do not run. */
    @GET
    @RolesAllowed(Roles.INTEGRATION)
    public SourcesView sources() {
        SourceDefinitions loaded = integration.sources().load();
        return new SourcesView(loaded.definitions().stream()
                .map(definition -> SourceView.of(definition, integration.isRunning(definition.name()))).toList(),
                integration.sourceProblems());
    }

    /** The definition as written, comments included. */
    @GET
    @Path("{name}")
    @RolesAllowed(Roles.INTEGRATION)
    public String definition(@PathParam("name") String name) throws IOException {
        return integration.sources().text(name)
                .orElseThrow(() -> new NotFoundException("No source is called " + name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTEGRATION)
    public Response save(@PathParam("name") String name, String json) throws IOException {
        if (json == null || json.isBlank()) {
            throw new BadRequestException("The body must be the source's JSON definition");
        }
        List<DefinitionProblem> problems = integration.sources().save(name, json);
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new Refusal(problems)).build();
        }
        // takes effect now, not at the next look at the directory
        List<DefinitionProblem> notRunning = integration.reconcileSources().stream()
                .filter(problem -> problem.file().endsWith("/" + name + ".json")).toList();
        SourceDefinition saved = integration.sources().load().named(name).orElseThrow();
        audit.record(Caller.name(security), AuditAction.SOURCE_SAVED, name, saved.kind() + " by " + saved.transport().type());
        return Response.ok(new Saved(SourceView.of(saved, integration.isRunning(name)), notRunning)).build();
    }

    /**
     * Tries a definition on a sample file before it is saved, storing nothing: multipart/form-data with the
     * parts {@code definition} (the JSON {@code PUT} takes) and {@code sample} (a file as the source delivers
     * it, text, at most 5 MB). Answers the definition's problems at their fields, or the first rows as Rapport
     * would store them and the rows it would quarantine with line, field and reason, with the totals. Declares
     * no {@code @Consumes}: a caller without the role hears 403 before anything about the body.
     */
    @POST
    @Path("{name}/try")
    @UploadLimit
    @RolesAllowed(Roles.INTEGRATION)
    public Trial tryOn(@PathParam("name") String name, List<EntityPart> parts) throws IOException {
        SampleUpload upload = SampleUpload.of(parts);
        SampleTrial.Outcome outcome = integration.sampleTrial().tryOn(name, upload.definition(), upload.fileName(),
                new ByteArrayInputStream(upload.sample()));
        return new Trial(upload.fileName(), upload.sample().length, outcome);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.INTEGRATION)
    public Response delete(@PathParam("name") String name) throws IOException {
        if (!integration.sources().delete(name)) {
            throw new NotFoundException("No source is called " + name);
        }
        audit.record(Caller.name(security), AuditAction.SOURCE_REMOVED, name, null);
        integration.reconcileSources();
        return Response.noContent().build();
    }

    public record SourcesView(List<SourceView> sources, List<DefinitionProblem> problems) {
    }

    /**
     * A definition written; {@code problems} say why it does not run when something it names is not
     * there (e.g. a credential not configured yet).
     */
    public record Saved(SourceView source, List<DefinitionProblem> problems) {
    }

    /** What a definition says, without where its secrets are kept, and whether its routes run. */
    public record SourceView(String name, String kind, String format, String transport, String schedule,
            String timeZone, String charset, String customerMatch, String file, boolean running) {

        static SourceView of(SourceDefinition definition, boolean running) {
            String schedule = definition.schedule() == null ? null
                    : definition.schedule().cron() != null ? definition.schedule().cron()
                            : definition.schedule().interval().toString();
            return new SourceView(definition.name(), definition.kind().name(), definition.format(),
                    definition.transport().type(), schedule, definition.timeZone().getId(),
                    definition.charset().name(), definition.customerMatch().label(),
                    definition.file().getFileName().toString(), running);
        }
    }

    public record Refusal(List<DefinitionProblem> problems) {
    }

    /**
     * A definition tried on a sample: which file, how large, and what came of it ({@link SampleTrial.Outcome}:
     * {@code tried}, {@code problems}, {@code rejection}, {@code rows}, {@code quarantined}, {@code rowsAccepted},
     * {@code rowsQuarantined}). {@code stored} is always false: a trial keeps nothing.
     */
    public record Trial(String sample, long bytes, boolean stored, SampleTrial.Outcome outcome) {

        Trial(String sample, long bytes, SampleTrial.Outcome outcome) {
            this(sample, bytes, false, outcome);
        }
    }
}
