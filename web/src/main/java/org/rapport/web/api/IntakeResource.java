package org.rapport.web.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.rapport.engine.audit.AuditAction;
import org.rapport.engine.audit.AuditTrail;
import org.rapport.web.security.Caller;
import org.rapport.web.security.Roles;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.BatchNotDiscardable;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantineEntry;
import org.rapport.engine.intake.SourceHealth;
import org.rapport.integration.IntegrationRuntime;
import org.rapport.integration.filedrop.IntakeReplay;
import org.rapport.integration.filedrop.ReplayRefused;
import org.rapport.integration.filedrop.WaitingFiles;
import org.rapport.integration.transport.FetchStatus;
import org.rapport.web.health.IntakeHealthReport;

/**
 * What the sources delivered, for the integration team: the batch ledger, the quarantined rows (by
 * source or batch), each source's health, the replay of a batch after its mapping was fixed, and the discarding of a
 * batch left half written whose file will not come again.
 */
@Path("intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {
    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;


    private static final int MAX_LIMIT = 1000;

    @EJB
    private IntakeCatalog catalog;

    @EJB
    private IntegrationRuntime integration;

    @EJB
    private Intake intake;

    @Inject
    private IntakeHealthReport health;

    /** The container's default: a replay runs with the application's context on a thread of its own. */
    @Resource
    private ManagedThreadFactory threads;

    /** How long a replay's request waits for it before it is answered that the replay is under way. */
    @Inject
    @ConfigProperty(name = "rapport.intake.replay-answer-seconds", defaultValue = "20")
    int replayAnswerSeconds;

    @GET
    @Path("batches")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    public List<BatchEntry> batches(@QueryParam("limit") @DefaultValue("100") int limit) {
        return catalog.batches(bounded(limit));
    }

    /**
     * Quarantined rows, newest batch first; narrowed to a source and/or a batch when given. The row that says
     * why a whole file was refused stays in the ledger after a corrected file of the same name is stored; it
     * is then shown {@code supersededBy} that batch rather than as a problem still open. Paged: {@code limit}
     * rows (at most 1,000) after the first {@code offset}; a batch's {@code rowsQuarantined} in the ledger says
     * how many there are.
     */
    @GET
    @Path("quarantine")
    @RolesAllowed(Roles.INTEGRATION)
    public List<QuarantineView> quarantine(@QueryParam("source") String source, @QueryParam("batch") Long batch,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<QuarantineEntry> rows = catalog.quarantine(source, batch, Math.max(0, offset), bounded(limit));
        return QuarantineView.of(rows, catalog.batches(MAX_LIMIT));
    }

    @GET
    @Path("health")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    public List<SourceHealthView> health() {
        return health.sources().stream().map(SourceHealthView::of).toList();
    }

    /**
     * Reads the kept file of a stored batch again with its source's current mapping and stores it in
     * place of the batch: rows first quarantined count once the mapping takes them. Answered with the new batch's
     * receipt when the replay is done within {@code rapport.intake.replay-answer-seconds}; otherwise 202, the replay
     * under way (waiting its turn while other files are stored, or being written), the ledger showing it as it goes.
     * A batch that cannot be replayed is refused at once (404, 409), nothing changed.
     */
    @POST
    @Path("batches/{id}/replay")
    @RolesAllowed(Roles.INTEGRATION)
    public Response replay(@PathParam("id") long batchId) throws IOException {
        try {
            IntakeReplay.Prepared replay = integration.prepareReplay(batchId);
            String caller = Caller.name(security);
            ReplayInBackground.Answer answer = new ReplayInBackground(threads,
                    Duration.ofSeconds(replayAnswerSeconds)).start(batchId, replay.fileName(), replay::run,
                            receipt -> audit.record(caller, AuditAction.BATCH_REPLAYED, "batch " + batchId, null));
            if (answer.done()) {
                return Response.ok(answer.receipt()).build();
            }
            return Response.accepted(new ReplayUnderWay(batchId, replay.fileName(), "Batch " + batchId + " ("
                    + replay.fileName() + ") is being replayed: it waits its turn while other files are stored, then"
                    + " is written; the ledger shows it as it goes.")).build();
        } catch (ReplayRefused refused) {
            return Refusal.answer(refused.reason() == ReplayRefused.Reason.NO_SUCH_BATCH, refused.reason(),
                    refused.getMessage());
        }
    }

    /**
     * Gives up a batch an intake left half written ({@code BEING_STORED}) whose file will not be delivered again, which
     * would otherwise hold its months' runs: the records it holds and its quarantined rows are withdrawn, and its file
     * delivered later is stored as a new batch. Refused (409, nothing changed) for any other batch, one being written
     * now, and a staged file's, which is finished from its staging; 404 for no such batch.
     */
    @POST
    @Path("batches/{id}/discard")
    @RolesAllowed(Roles.INTEGRATION)
    public Response discard(@PathParam("id") long batchId) {
        try {
            IntakeReceipt receipt = intake.discard(batchId);
            audit.record(Caller.name(security), AuditAction.BATCH_DISCARDED, "batch " + batchId, null);
            return Response.ok(receipt).build();
        } catch (BatchNotDiscardable refused) {
            return Refusal.answer(refused.reason() == BatchNotDiscardable.Reason.NO_SUCH_BATCH, refused.reason(),
                    refused.getMessage());
        }
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** A replay started and not yet done: the batch it replaces, its file, and what to expect. */
    public record ReplayUnderWay(long replayOf, String fileName, String message) {
    }

    /** Why an action on a batch was not done: its reason's name and the message. */
    public record Refusal(String reason, String message) {

        /** 404 when there is no such batch, else 409, with the refusal as the body. */
        static Response answer(boolean noSuchBatch, Enum<?> reason, String message) {
            return Response.status(noSuchBatch ? Response.Status.NOT_FOUND : Response.Status.CONFLICT)
                    .entity(new Refusal(reason.name(), message)).build();
        }
    }

    /**
     * {@link IntakeHealthReport.SourceIntake} with ISO-8601 times, as every view of the API writes them.
     *
     * @param rowsUnmatched    contact rows unmatched when they were stored
     * @param recordsHeld      the source's records held now, each once
     * @param rowsUnmatchedNow of those, the ones matching no customer known now
     * @param state      "waiting for the database" (or "disk space") while a file waits in the inbox, else "ok"
     * @param waiting    that file, how many attempts, since when and why; null when none waits
     * @param ledgerAsOf null when the figures are current; else when they were last read (the database is away)
     */
    public record SourceHealthView(String source, String kind, boolean running, long batches, long rowsAccepted,
            long rowsQuarantined, long rowsUnmatched, long recordsHeld, long rowsUnmatchedNow, String newestRecordAt,
            Long lagSeconds, LastBatchView lastBatch, FetchView fetch, String state, WaitingView waiting,
            String ledgerAsOf) {

        static SourceHealthView of(IntakeHealthReport.SourceIntake source) {
            return new SourceHealthView(source.source(), source.kind(), source.running(), source.batches(),
                    source.rowsAccepted(), source.rowsQuarantined(), source.rowsUnmatched(), source.recordsHeld(),
                    source.rowsUnmatchedNow(), iso(source.newestRecordAt()),
                    source.lagSeconds(), source.lastBatch() == null ? null : LastBatchView.of(source.lastBatch()),
                    source.fetch().map(FetchView::of).orElse(null),
                    source.waiting() == null ? "ok" : source.waiting().state(),
                    source.waiting() == null ? null : WaitingView.of(source.waiting()), iso(source.ledgerAsOf()));
        }
    }

    public record WaitingView(String file, int attempts, String since, String reason, String operatorFix,
            boolean overdue) {

        static WaitingView of(WaitingFiles.Waiting waiting) {
            return new WaitingView(waiting.file(), waiting.attempts(), iso(waiting.since()), waiting.reason(),
                    waiting.operatorFix(), waiting.overdue());
        }
    }

    public record LastBatchView(long id, String fileName, String receivedAt, String status, int rowsAccepted,
            int rowsQuarantined, int rowsUnmatched, String message) {

        static LastBatchView of(SourceHealth.LastBatch batch) {
            return new LastBatchView(batch.id(), batch.fileName(), iso(batch.receivedAt()), batch.status(),
                    batch.rowsAccepted(), batch.rowsQuarantined(), batch.rowsUnmatched(), batch.message());
        }
    }

    public record FetchView(String lastAttempt, String lastSuccess, String lastFailure, long filesLanded,
            long rowsLanded, int consecutiveFailures, boolean healthy, String lastError) {

        static FetchView of(FetchStatus.Snapshot fetch) {
            return new FetchView(iso(fetch.lastAttempt()), iso(fetch.lastSuccess()), iso(fetch.lastFailure()),
                    fetch.filesLanded(), fetch.rowsLanded(), fetch.consecutiveFailures(), fetch.healthy(),
                    fetch.lastError());
        }
    }

    /** Instants as 2026-11-02T06:00:00Z, local times as the source states them: 2026-10-31T17:45. */
    private static String iso(Object time) {
        return time == null ? null : time.toString();
    }
}
