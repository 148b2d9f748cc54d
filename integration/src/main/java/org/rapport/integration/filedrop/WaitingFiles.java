package org.rapport.integration.filedrop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rapport.engine.outage.InfrastructureFault;

/**
 * The files that wait in their inbox because the infrastructure failed them (the database out of reach,
 * the disk full), one per source: what the intake health shows while the database cannot be asked.
 * Shared by every intake route of a Camel context (see {@link #of(org.apache.camel.CamelContext)}).
 * Thread-safe.
 */
public final class WaitingFiles {

    static final String BEAN = "rapportWaitingFiles";

    private final Map<String, Waiting> bySource = new ConcurrentHashMap<>();

    /** The registry of the routes in {@code camel}, made on first use. */
    public static synchronized WaitingFiles of(org.apache.camel.CamelContext camel) {
        WaitingFiles files = camel.getRegistry().lookupByNameAndType(BEAN, WaitingFiles.class);
        if (files == null) {
            files = new WaitingFiles();
            camel.getRegistry().bind(BEAN, files);
        }
        return files;
    }

    void waiting(String source, String kind, String file, int attempts, Instant since, InfrastructureFault fault) {
        bySource.put(source, new Waiting(source, kind, file, attempts, since, fault.reason(), fault.operatorFix(),
                false));
    }

    /** The wait went past its ceiling: reported, and the file stays to be tried again on the next look. */
    void overdue(String source) {
        bySource.computeIfPresent(source, (key, waiting) -> new Waiting(waiting.source(), waiting.kind(), waiting.file(),
                waiting.attempts(), waiting.since(), waiting.reason(), waiting.operatorFix(), true));
    }

    void over(String source) {
        bySource.remove(source);
    }

    /** What waits for {@code source}, if anything. */
    public Optional<Waiting> of(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** Every waiting file, by source name. */
    public List<Waiting> all() {
        return bySource.values().stream().sorted(java.util.Comparator.comparing(Waiting::source)).toList();
    }

    /**
     * A file kept in its inbox until the infrastructure is back.
     *
     * @param kind        what the source delivers, e.g. CALLS
     * @param attempts    how many times storing it has been tried in this wait
     * @param since       when the first of those attempts failed
     * @param reason      what is wrong, e.g. "the database connection failed (SQL state 08006)"
     * @param operatorFix what the operator can do when waiting is not enough
     * @param overdue     whether it has waited longer than {@code rapport.intake.outage.max-wait}
     */
    public record Waiting(String source, String kind, String file, int attempts, Instant since, String reason, String operatorFix,
            boolean overdue) {

        /** The state in words, as the intake health shows it. */
        public String state() {
            return (overdue ? "still waiting, past the longest wait, " : "waiting ") + "for "
                    + (reason.contains("disk") ? "disk space" : "the database");
        }
    }
}
