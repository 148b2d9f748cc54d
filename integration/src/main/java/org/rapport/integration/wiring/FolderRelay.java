package org.rapport.integration.wiring;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;

/**
 * Moves the files a {@code file} source drops into a folder of its own choosing over to the source's
 * intake folder, so that every source — dropped, fetched or pulled — is taken, kept and replayed from
 * one place. A file is moved only once it has stopped changing, and written under a hidden name then
 * renamed, so the intake never sees half of it.
 */
final class FolderRelay extends RouteBuilder {

    private final String source;
    private final Path from;
    private final String include;
    private final Path inbox;
    private final Duration pollInterval;

    FolderRelay(String source, Path from, String include, Path inbox, Duration pollInterval) {
        this.source = source;
        this.from = from;
        this.include = include;
        this.inbox = inbox;
        this.pollInterval = pollInterval;
    }

    static String routeId(String source) {
        return "relay-" + source;
    }

    @Override
    public void configure() {
        long poll = pollInterval.toMillis();
        from("file:" + from + "?readLock=changed&readLockCheckInterval=" + poll + "&readLockTimeout=" + 10 * poll
                + "&readLockMinLength=0&delay=" + poll + "&sortBy=file:name&delete=true"
                + (include == null ? "" : "&antInclude=" + include))
                .routeId(routeId(source))
                .to("file:" + inbox + "?tempFileName=.relaying-${file:onlyname}&fileExist=Fail");
    }
}
