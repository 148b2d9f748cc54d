package org.rapport.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.ruleset.DraftValidation;
import org.rapport.engine.ruleset.DryRun;
import org.rapport.engine.ruleset.DryRunMonths;
import org.rapport.engine.ruleset.InvalidDraftException;
import org.rapport.engine.ruleset.RuleFile;
import org.rapport.engine.ruleset.RuleSetActivation;
import org.rapport.engine.ruleset.RuleSetRejectedException;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.ruleset.RuleSets;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.ScenarioResult;
import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;

/**
 * The strategy team's rule lifecycle: start a draft from a version (files added, replaced or removed), edit it,
 * validate it (problems with file, line and column; warnings of what it drops; scenario results), see what it would
 * have changed over the published months (dry run), activate it with a comment or go back to an earlier version.
 */
@Path("rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetsResource {

    /** Most months a dry run goes back: two years of packs. */
    private static final int MAX_DRY_RUN_MONTHS = 24;

    @EJB
    private RuleSets ruleSets;

    @Context
    private SecurityContext security;

    @GET
    @RolesAllowed(Roles.STRATEGY)
    public List<VersionView> versions() {
        Map<Long, List<RuleSetActivation>> activations = ruleSets.activations().stream()
                .collect(Collectors.groupingBy(activation -> activation.getVersion().getId()));
        return ruleSets.versions().stream()
                .map(version -> VersionView.of(version, activations.getOrDefault(version.getId(), List.of()))).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STRATEGY)
    public VersionView version(@PathParam("id") long id) {
        return view(id);
    }

    /** A rule file as stored, byte for byte. */
    @GET
    @Path("{id}/files/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.STRATEGY)
    public byte[] file(@PathParam("id") long id, @PathParam("name") String name) {
        return storedFile(found(id), name).getContent();
    }

    /**
     * A new draft: a copy of version {@code basedOn} (the active one when absent) with {@code files} added or
     * replacing those of the same name and {@code remove} taken out; with {@code "whole": true}, exactly
     * {@code files} (a rule set uploaded whole). Files are text ({@code text}) or, for {@code .drl.xlsx}, base64.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response draft(DraftRequest request) {
        if (request == null || (request.label() == null && request.basedOn() == null && empty(request.files())
                && empty(request.remove()))) {
            throw new BadRequestException("Say what the draft is: a 'label', the version it starts from ('basedOn',"
                    + " the active one when left out), 'files' to add or replace and 'remove'");
        }
        List<RuleFileSource> files = request.files() == null ? List.of()
                : request.files().stream().map(RuleSetsResource::source).toList();
        long id;
        try {
            if (Boolean.TRUE.equals(request.whole())) {
                if (files.isEmpty() || request.basedOn() != null || !empty(request.remove())) {
                    throw new BadRequestException("A rule set uploaded whole ('whole': true) is its 'files', and only them");
                }
                id = ruleSets.draft(request.label() == null ? "draft" : request.label(), who(), files);
            } else {
                id = ruleSets.draftFrom(request.basedOn(), request.label(), who(), files,
                        request.remove() == null ? List.of() : request.remove());
            }
        } catch (InvalidDraftException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        return Response.status(Response.Status.CREATED).entity(view(id)).build();
    }

    /** Adds a file to a draft or replaces the one of that name; 409 for a version that is active or retired. */
    @PUT
    @Path("{id}/files/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response putFile(@PathParam("id") long id, @PathParam("name") String name, FileContent content) {
        found(id);
        if (content == null || (content.text() == null && content.base64() == null)) {
            throw new BadRequestException("Send the file as {\"text\": \"…\"} or, for .drl.xlsx, {\"base64\": \"…\"}");
        }
        try {
            ruleSets.putFile(id, source(new FileRequest(name, content.text(), content.base64())));
        } catch (InvalidDraftException refused) {
            throw new BadRequestException(refused.getMessage());
        } catch (RuleSetRejectedException refused) {
            return conflict(refused);
        }
        return Response.ok(view(id)).build();
    }

    /** Takes a file out of a draft; 404 when it has none of that name, 409 for a version that is active or retired. */
    @DELETE
    @Path("{id}/files/{name}")
    @RolesAllowed(Roles.STRATEGY)
    public Response removeFile(@PathParam("id") long id, @PathParam("name") String name) {
        storedFile(found(id), name);
        try {
            ruleSets.removeFile(id, name);
        } catch (RuleSetRejectedException refused) {
            return conflict(refused);
        }
        return Response.ok(view(id)).build();
    }

    /** How the version differs from the one it was copied from, file by file. */
    @GET
    @Path("{id}/changes")
    @RolesAllowed(Roles.STRATEGY)
    public ChangesView changes(@PathParam("id") long id) {
        RuleSetVersion version = found(id);
        if (version.getBasedOnId() == null) {
            return new ChangesView(id, null, names(version), List.of(), List.of(), List.of());
        }
        RuleSetVersion base = found(version.getBasedOnId());
        Set<String> added = new TreeSet<>();
        Set<String> changed = new TreeSet<>();
        Set<String> unchanged = new TreeSet<>();
        for (RuleFile file : version.getFiles()) {
            base.getFiles().stream().filter(old -> old.getName().equals(file.getName())).findFirst().ifPresentOrElse(
                    old -> (Arrays.equals(old.getContent(), file.getContent()) ? unchanged : changed).add(file.getName()),
                    () -> added.add(file.getName()));
        }
        Set<String> removed = new TreeSet<>(names(base));
        removed.removeAll(names(version));
        return new ChangesView(id, base.getId(), List.copyOf(added), List.copyOf(changed), List.copyOf(removed),
                List.copyOf(unchanged));
    }

    /**
     * Validates the version: problems (any one keeps it from going live), warnings of what it drops of the active
     * set (never blocking), and every scenario's result.
     */
    @POST
    @Path("{id}/validate")
    @RolesAllowed(Roles.STRATEGY)
    public ValidationView validate(@PathParam("id") long id) {
        found(id);
        DraftValidation validation = ruleSets.validate(id);
        return new ValidationView(validation.valid(), found(id).getStatus().name(),
                validation.problems().stream().map(MessageView::of).toList(),
                validation.warnings().stream().map(MessageView::of).toList(),
                validation.scenarios().stream().map(ScenarioView::of).toList());
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
            return conflict(e);
        }
    }

    /**
     * What the version would have told the board over the last {@code months} published months against the active
     * set: per month the RAG changes and the triggers added and removed, for a month × KPI grid. 409 with the
     * problems when it does not compile or its rules fail on the figures.
     */
    @GET
    @Path("{id}/dry-run/months")
    @RolesAllowed(Roles.STRATEGY)
    public Response dryRunMonths(@PathParam("id") long id, @QueryParam("months") @DefaultValue("12") int months) {
        found(id);
        if (months < 1 || months > MAX_DRY_RUN_MONTHS) {
            throw new BadRequestException("'months' is 1 to " + MAX_DRY_RUN_MONTHS + ", not " + months);
        }
        try {
            return Response.ok(DryRunMonthsView.of(ruleSets.dryRunMonths(id, months))).build();
        } catch (RuleSetRejectedException e) {
            return conflict(e);
        }
    }

    /** 200 when the version is live for the next run; 400 without a comment; 409 with the reasons when it may not be. */
    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STRATEGY)
    public Response activate(@PathParam("id") long id, ActivationRequest request) {
        found(id);
        if (request == null || request.comment() == null || request.comment().isBlank()) {
            throw new BadRequestException("Say why in 'comment': the audit trail keeps who made which version live and why");
        }
        try {
            ruleSets.activate(id, who(), request.comment());
            return Response.ok(view(id)).build();
        } catch (RuleSetRejectedException e) {
            return conflict(e);
        }
    }

    @GET
    @Path("activations")
    @RolesAllowed(Roles.STRATEGY)
    public List<ActivationView> activations() {
        return ruleSets.activations().stream().map(ActivationView::of).toList();
    }

    private VersionView view(long id) {
        return VersionView.of(found(id), ruleSets.activations(id));
    }

    private RuleSetVersion found(long id) {
        return ruleSets.find(id).orElseThrow(() -> new NotFoundException("No rule-set version " + id));
    }

    private static RuleFile storedFile(RuleSetVersion version, String name) {
        return version.getFiles().stream().filter(file -> file.getName().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No file " + name + " in rule set " + version.getId()));
    }

    private static List<String> names(RuleSetVersion version) {
        return version.getFiles().stream().map(RuleFile::getName).toList();
    }

    private static Response conflict(RuleSetRejectedException refused) {
        return Response.status(Response.Status.CONFLICT)
                .entity(new Rejection(refused.getMessage(), refused.messages().stream().map(MessageView::of).toList()))
                .build();
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static RuleFileSource source(FileRequest file) {
        if (file.name() == null || file.name().isBlank()) {
            throw new BadRequestException("Every file needs a 'name'");
        }
        if (file.name().contains("/") || file.name().contains("\\") || file.name().length() > 256) {
            throw new BadRequestException("File " + file.name() + ": a name without folders, at most 256 characters");
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

    /**
     * A draft asked for.
     *
     * @param basedOn the version it starts as a copy of; the active one when null
     * @param files   added, or replacing the files of the same name
     * @param remove  names of files of {@code basedOn} to leave out
     * @param whole   true: {@code files} are the whole rule set, copied from no version
     */
    public record DraftRequest(String label, Long basedOn, List<FileRequest> files, List<String> remove, Boolean whole) {
    }

    /** One uploaded file. */
    public record FileRequest(String name, String text, String base64) {
    }

    /** A file's new content: text, or base64 for a workbook. */
    public record FileContent(String text, String base64) {
    }

    /** Why and by whom a version goes live. */
    public record ActivationRequest(String comment) {
    }

    /** Why a step was refused, with the problems at their places. */
    public record Rejection(String reason, List<MessageView> messages) {
    }

    /** A problem or warning at its place: line and column of a text file, or sheet, row and column of a workbook. */
    public record MessageView(String file, String sheet, int line, int column, String text) {

        static MessageView of(RuleMessage message) {
            return new MessageView(message.file(), message.sheet(), message.line(), message.column(), message.text());
        }
    }

    /** One scenario's outcome. */
    public record ScenarioView(String file, String scenario, boolean passed, List<MessageView> failures) {

        static ScenarioView of(ScenarioResult result) {
            return new ScenarioView(result.file(), result.scenario(), result.passed(),
                    result.failures().stream().map(MessageView::of).toList());
        }
    }

    /** What validating found: valid when there are no problems; warnings never block. */
    public record ValidationView(boolean valid, String status, List<MessageView> problems, List<MessageView> warnings,
            List<ScenarioView> scenarios) {
    }

    /** A version as listed: its status, who wrote it, where it came from and each time it went live. */
    public record VersionView(long id, String label, String status, String author, String createdAt, String checksum,
            Long basedOn, List<String> files, String validationMessages, List<ActivationView> activations) {

        static VersionView of(RuleSetVersion version, List<RuleSetActivation> activations) {
            return new VersionView(version.getId(), version.getLabel(), version.getStatus().name(),
                    version.getAuthor(), version.getCreatedAt().toString(), version.getChecksum(), version.getBasedOnId(),
                    names(version), version.getValidationMessages(),
                    activations.stream().map(ActivationView::of).toList());
        }
    }

    /** One activation in the audit trail. */
    public record ActivationView(long versionId, String version, String by, String at, String comment,
            boolean rollback) {

        static ActivationView of(RuleSetActivation activation) {
            return new ActivationView(activation.getVersion().getId(), activation.getVersion().describe(),
                    activation.getActivatedBy(), activation.getActivatedAt().toString(), activation.getComment(),
                    activation.isRollback());
        }
    }

    /** A version's files against those of the version it was copied from. */
    public record ChangesView(long id, Long basedOn, List<String> added, List<String> changed, List<String> removed,
            List<String> unchanged) {
    }

    /**
     * The dry run over the published months, with {@code kpis}: the codes that change in any month, in the
     * catalogue's order, as the columns of a month × KPI grid.
     */
    public record DryRunMonthsView(String version, String against, List<String> kpis, List<DryRunMonths.Month> months) {

        static DryRunMonthsView of(DryRunMonths dryRun) {
            Set<String> codes = new LinkedHashSet<>();
            dryRun.months().forEach(month -> month.ragChanges().stream().map(DryRun.RagChange::code).forEach(codes::add));
            return new DryRunMonthsView(dryRun.version(), dryRun.against(),
                    codes.stream().sorted(java.util.Comparator.comparingInt(KpiCatalogue::position)
                            .thenComparing(java.util.Comparator.naturalOrder())).toList(),
                    dryRun.months());
        }
    }
}
