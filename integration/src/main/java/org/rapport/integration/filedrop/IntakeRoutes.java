package org.rapport.integration.filedrop;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.rapport.engine.intake.Intake;
import org.rapport.integration.EndpointUri;
import org.rapport.integration.SettledFiles;

/**
 * One route per intake folder: a file that has stopped changing is streamed through the folder's
 * format into {@link Intake}, which stores it while it is read, and moved to {@value IntakeFolder#DONE}
 * once stored, or to {@value IntakeFolder#FAILED} with a reason beside it when its content was refused.
 * Failures are told apart here and nowhere else:
 * <ul>
 * <li>the infrastructure's (database out of reach, disk full: see
 * {@link org.rapport.engine.outage.InfrastructureFault}) leave the file in its inbox, tried again with
 * exponential back-off for as long as {@link FileDropSettings#outageMaxWait()}, shown meanwhile by
 * {@link WaitingFiles}, then reported; the file stays and is taken again on the next look;</li>
 * <li>any other fault is retried a few times, then the file goes to {@value IntakeFolder#FAILED} with its
 * reason.</li>
 * </ul>
 * A file an earlier version moved to {@value IntakeFolder#FAILED} for an infrastructure fault is put back
 * in its inbox once, when the routes start ({@link FailedForInfrastructure}).
 */
public class IntakeRoutes extends RouteBuilder {

    /** Header naming the sub-folder a file moves to once its route completes. */
    static final String DESTINATION = "RapportIntakeDestination";

    private final FileDropSettings settings;
    private final List<IntakeFolder> folders;
    private final Intake intake;

    public IntakeRoutes(FileDropSettings settings, List<IntakeFolder> folders, Intake intake) {
        this.settings = settings;
        this.folders = List.copyOf(folders);
        this.intake = intake;
    }

    @Override
    public void configure() {
        Map<String, IntakeFolder> folderByRoute = folders.stream().collect(Collectors.toMap(IntakeFolder::routeId,
                folder -> folder, (first, second) -> first));
        InfrastructureWait wait = new InfrastructureWait(settings.outageMaxWait(), WaitingFiles.of(getContext()),
                folderByRoute, Clock.systemUTC());

        // Not handled once the longest wait has passed: the exchange fails and the file stays in the inbox
        // (no moveFailed), to be taken again on the next poll.
        onException(Exception.class)
                .onWhen(InfrastructureWait::blamesInfrastructure)
                .retryWhile(wait::tryAgain)
                .redeliveryPolicyRef(outageRedelivery())
                .process(wait::gaveUp);
        // Anything else says something about the file: a few tries, then .failed with the reason.
        onException(Exception.class)
                .maximumRedeliveries(settings.maximumRedeliveries())
                .redeliveryDelay(settings.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(FailureNote::countRetry)
                .handled(true)
                .process(FailureNote::forFault)
                .process(wait::over);

        getContext().getRegistry().bind(PlainFiles.BEAN, new PlainFiles());
        for (IntakeFolder folder : folders) {
            FailedForInfrastructure.putBack(settings.intakeDir().resolve(folder.name()));
            from(inboxUri(folder))
                    .routeId(folder.routeId())
                    .setHeader(DESTINATION, constant(IntakeFolder.FAILED))
                    .process(new StoreInIntake(folder, intake))
                    .process(wait::over);
        }
    }

    /**
     * Exponential back-off up to {@link FileDropSettings#outageMaxDelay()} between tries, the wait's own log
     * lines instead of Camel's per attempt, and a stop that does not wait for the database: the file stays in
     * the inbox for the next start. Bound in the registry, where {@code onException} finds it by name.
     */
    private String outageRedelivery() {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setRedeliveryDelay(settings.redeliveryDelay().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(settings.outageMaxDelay().toMillis());
        policy.setMaximumRedeliveries(-1);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        policy.setLogExhausted(false);
        policy.setLogRetryAttempted(false);
        policy.setAllowRedeliveryWhileStopping(false);
        String name = "rapportOutageRedelivery-" + folders.stream().map(IntakeFolder::name).collect(Collectors.joining("+"));
        getContext().getRegistry().bind(name, policy);
        return name;
    }

    /** The file endpoint of a folder; the only place its options are chosen. */
    String inboxUri(IntakeFolder folder) {
        return EndpointUri.folder(settings.intakeDir().resolve(folder.name()))
                + "?" + SettledFiles.readLockQuery(settings.readLockCheckInterval())
                + "&delay=" + settings.pollInterval().toMillis()
                + "&sortBy=file:name"
                // a link is not followed out of the folder
                + "&filter=#" + PlainFiles.BEAN
                // refused files are moved by this header too; a failed exchange leaves the file where it is
                + "&move=${header." + DESTINATION + "}/${file:name}";
    }
}
