package org.rapport.integration.filedrop;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the file drop polls and retries.
 *
 * @param intakeDir             the folder holding one sub-folder per {@link IntakeFolder}
 * @param pollInterval          how often each folder is looked at
 * @param readLockCheckInterval how long a file must have stayed unchanged before it is read, so a file
 *                              still being written is left alone; one last changed longer ago is read at once
 * @param maximumRedeliveries   how many more times storing is tried after a fault that is not the
 *                              infrastructure's, before the file goes to {@value IntakeFolder#FAILED}
 * @param redeliveryDelay       the wait before the first retry; each further retry waits twice as long
 * @param outageMaxWait         how long a file the infrastructure failed (database away, disk full) is tried
 *                              again before the wait is reported ({@code rapport.intake.outage.max-wait})
 * @param outageMaxDelay        the longest pause between two of those tries
 */
public record FileDropSettings(Path intakeDir, Duration pollInterval, Duration readLockCheckInterval,
        int maximumRedeliveries, Duration redeliveryDelay, Duration outageMaxWait, Duration outageMaxDelay) {

    /** The default longest wait for the infrastructure: an hour, longer than a restart or a fail-over. */
    public static final Duration DEFAULT_OUTAGE_MAX_WAIT = Duration.ofHours(1);
    /** Once the database is back, a waiting file is taken within this long. */
    public static final Duration DEFAULT_OUTAGE_MAX_DELAY = Duration.ofSeconds(15);

    /** Settings that wait for the infrastructure as long as the defaults. */
    public FileDropSettings(Path intakeDir, Duration pollInterval, Duration readLockCheckInterval,
            int maximumRedeliveries, Duration redeliveryDelay) {
        this(intakeDir, pollInterval, readLockCheckInterval, maximumRedeliveries, redeliveryDelay,
                DEFAULT_OUTAGE_MAX_WAIT, DEFAULT_OUTAGE_MAX_DELAY);
    }

    /**
     * Production defaults: poll every 2 s, a file must be still for 1 s, other faults retried 4 times over
     * about 30 s, the infrastructure waited for as long as {@code outageMaxWait}.
     */
    public static FileDropSettings standard(Path intakeDir, Duration outageMaxWait) {
        return new FileDropSettings(intakeDir, Duration.ofSeconds(2), Duration.ofSeconds(1), 4, Duration.ofSeconds(2),
                outageMaxWait, DEFAULT_OUTAGE_MAX_DELAY);
    }

    /** Production defaults, waiting an hour for the infrastructure. */
    public static FileDropSettings standard(Path intakeDir) {
        return standard(intakeDir, DEFAULT_OUTAGE_MAX_WAIT);
    }
}
