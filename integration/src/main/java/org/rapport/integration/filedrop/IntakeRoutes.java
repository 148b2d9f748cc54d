package org.rapport.integration.filedrop;

import java.util.List;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.rapport.engine.intake.Intake;

/**
 * One route per intake folder: a file that has stopped changing is streamed through the folder's
 * format into {@link Intake}, which stores it while it is read, and moved to {@value IntakeFolder#DONE}
 * once stored, or to {@value IntakeFolder#FAILED} with a reason beside it when it was rejected or could
 * not be stored.
 * Technical faults (the database down) are retried a bounded number of times, here and nowhere else.
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
        // Not handled: once retries are exhausted the file consumer moves the file to .failed.
        onException(Exception.class)
                .maximumRedeliveries(settings.maximumRedeliveries())
                .redeliveryDelay(settings.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .process(FailureNote::forTechnicalFault);

        getContext().getRegistry().bind(PlainFiles.BEAN, new PlainFiles());
        for (IntakeFolder folder : folders) {
            from(inboxUri(folder))
                    .routeId(folder.routeId())
                    .setHeader(DESTINATION, constant(IntakeFolder.FAILED))
                    .process(new StoreInIntake(folder, intake));
        }
    }

    /** The file endpoint of a folder; the only place its options are chosen. */
    String inboxUri(IntakeFolder folder) {
        long checkMillis = settings.readLockCheckInterval().toMillis();
        return "file:" + settings.intakeDir().resolve(folder.name())
                + "?readLock=changed"
                + "&readLockCheckInterval=" + checkMillis
                + "&readLockTimeout=" + 10 * checkMillis
                // an empty file is delivered too, to be rejected visibly rather than wait forever
                + "&readLockMinLength=0"
                + "&delay=" + settings.pollInterval().toMillis()
                + "&sortBy=file:name"
                // a link is not followed out of the folder
                + "&filter=#" + PlainFiles.BEAN
                + "&move=${header." + DESTINATION + "}/${file:name}"
                + "&moveFailed=" + IntakeFolder.FAILED + "/${file:name}";
    }
}
