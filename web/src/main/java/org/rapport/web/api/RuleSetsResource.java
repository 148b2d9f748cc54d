package org.rapport.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.engine.ruleset.DryRun;
import org.rapport.engine.ruleset.RuleSetRejectedException;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.ruleset.RuleSets;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;

/**
 * The strategy team's rule lifecycle: upload a draft, validate it (messages with file, line and
 * column), see what it would change (dry run), activate it or go back to an earlier version.
 */
@Path("rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetsResource {

    @EJB
    private RuleSets ruleSets;

    @Context
    private SecurityContext security;

    @GET
    @RolesAllowed(Roles.STRATEGY)
    public List<VersionView> versions() {
        return ruleSets.versions().stream().map(VersionView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STRATEGY)
    public VersionView version(@PathParam("id") long id) {
        return VersionView.of(found(id));
    }

    /** A rule file as stored, byte for byte. */
    @GET
    @Path("{id}/files/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.STRATEGY)
    public byte[] file(@PathParam("id") long id, @PathParam("name") String name) {
        return found(id).getFiles().stream().filter(file -> file.getName().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No file " + name + " in rule set " + id)).getContent();
    }

    /** Stores a draft; files are text ({@code text}) or, for {@code .drl.xlsx}, base64 ({@code base64}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response draft(DraftRequest request) {
        if (request == null || request.files() == null || request.files().isEmpty()) {
            throw new BadRequestException("A draft needs 'label' and at least one file in 'files'");
        }
        List<RuleFileSource> files = request.files().stream().map(RuleSetsResource::source).toList();
        long id = ruleSets.draft(request.label() == null ? "draft" : request.label(), who(), files);
        return Response.status(Response.Status.CREATED).entity(VersionView.of(found(id))).build();
    }

    @POST
    @Path("{id}/validate")
    @RolesAllowed(Roles.STRATEGY)
    public List<RuleMessage> validate(@PathParam("id") long id) {
        found(id);
        return ruleSets.validate(id);
    }

    /** What the version would change on the last published month; 409 with the reasons when it cannot say. */
    @GET
    @Path("{id}/dry-run")
    @RolesAllowed(Roles.STRATEGY)
    public Response dryRun(@PathParam("id") long id) {
        found(id);
        try {
            return Response.ok(ruleSets.dryRun(id)).build();
        } catch (RuleSetRejectedException e) {
            return Response.status(Response.Status.CONFLICT).entity(new Rejection(e.getMessage(), e.messages())).build();
        }
    }

    /** 200 when the version is live for the next run; 409 with the reasons when it may not be. */
    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response activate(@PathParam("id") long id, ActivationRequest request) {
        found(id);
        try {
            ruleSets.activate(id, who(), request == null ? null : request.comment());
            return Response.ok(VersionView.of(found(id))).build();
        } catch (RuleSetRejectedException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(new Rejection(e.getMessage(), e.messages())).build();
        }
    }

    @GET
    @Path("activations")
    @RolesAllowed(Roles.STRATEGY)
    public List<ActivationView> activations() {
        return ruleSets.activations().stream()
                .map(a -> new ActivationView(a.getVersion().getId(), a.getVersion().describe(), a.getActivatedBy(),
                        a.getActivatedAt().toString(), a.getComment(), a.isRollback()))
                .toList();
    }

    private RuleSetVersion found(long id) {
        return ruleSets.find(id).orElseThrow(() -> new NotFoundException("No rule-set version " + id));
    }

    private static RuleFileSource source(FileRequest file) {
        if (file.name() == null || file.name().isBlank()) {
            throw new BadRequestException("Every file needs a 'name'");
        }
        if (file.base64() != null) {
            try {
                return new RuleFileSource(file.name(), Base64.getDecoder().decode(file.base64()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("File " + file.name() + ": 'base64' is not base64");
            }
        }
        return new RuleFileSource(file.name(), (file.text() == null ? "" : file.text()).getBytes(StandardCharsets.UTF_8));
    }

    private String who() {
        return Caller.name(security);
    }

    /** A draft as uploaded. */
    public record DraftRequest(String label, List<FileRequest> files) {
    }

    /** One uploaded file. */
    public record FileRequest(String name, String text, String base64) {
    }

    /** Why and by whom a version goes live. */
    public record ActivationRequest(String comment) {
    }

    /** Why activation was refused. */
    public record Rejection(String reason, List<RuleMessage> messages) {
    }

    /** A version as listed. */
    public record VersionView(long id, String label, String status, String author, String createdAt, String checksum,
            List<String> files, String validationMessages) {

        static VersionView of(RuleSetVersion version) {
            return new VersionView(version.getId(), version.getLabel(), version.getStatus().name(),
                    version.getAuthor(), version.getCreatedAt().toString(), version.getChecksum(),
                    version.getFiles().stream().map(file -> file.getName()).toList(),
                    version.getValidationMessages());
        }
    }

    /** One activation in the audit trail. */
    public record ActivationView(long versionId, String version, String by, String at, String comment,
            boolean rollback) {
    }
}
