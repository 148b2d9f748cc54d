package org.rapport.integration.filedrop;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the file drop polls and retries.
 *
 * @param intakeDir             the folder holding one sub-folder per {@link IntakeFolder}
 * @param pollInterval          how often each folder is looked at
 * @param readLockCheckInterval how long a file's size and time must stay unchanged before it is read,
 *                              so a file still being written is left alone
 * @param maximumRedeliveries   how many more times storing is tried after a technical fault
 * @param redeliveryDelay       the wait before the first retry; each further retry waits twice as long
 */
public record FileDropSettings(Path intakeDir, Duration pollInterval, Duration readLockCheckInterval,
        int maximumRedeliveries, Duration redeliveryDelay) {

    /** Production defaults: poll every 2 s, a file must be still for 1 s, retry 4 times over about 30 s. */
    public static FileDropSettings standard(Path intakeDir) {
        return new FileDropSettings(intakeDir, Duration.ofSeconds(2), Duration.ofSeconds(1), 4, Duration.ofSeconds(2));
    }
}
