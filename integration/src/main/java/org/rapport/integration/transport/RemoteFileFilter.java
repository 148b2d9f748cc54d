package org.rapport.integration.transport;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which remote files a fetch takes: those whose name matches the definition's glob (the same glob
 * syntax the definition was checked with) and that have been left unchanged for a while. A file
 * modified more recently may still be being written; it is taken by a later fetch, whole, rather
 * than half now. The age is measured against this server's clock, so the two clocks should agree
 * to well within the minimum age.
 */
final class RemoteFileFilter<T> implements GenericFileFilter<T> {

    private final PathMatcher include;
    private final Duration minimumAge;
    private final Clock clock;

    /** @param glob the file names to take, or null for every file */
    RemoteFileFilter(String glob, Duration minimumAge, Clock clock) {
        this.include = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.minimumAge = minimumAge;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<T> file) {
        if (file.isDirectory()) {
            // only the folder itself is fetched, not what is below it
            return false;
        }
        boolean named = include == null || include.matches(Path.of(file.getFileNameOnly()));
        boolean settled = file.getLastModified() <= clock.millis() - minimumAge.toMillis();
        return named && settled;
    }
}
