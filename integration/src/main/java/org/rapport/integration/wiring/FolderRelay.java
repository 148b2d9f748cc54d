package org.rapport.integration.wiring;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.rapport.integration.EndpointUri;
import org.rapport.integration.SettledFiles;

/**
 * Moves the files a {@code file} source drops into a folder of its own choosing over to the source's
 * intake folder, so that every source — dropped, fetched or pulled — is taken, kept and replayed from
 * one place. A file is moved only once it has stopped changing, and written under a hidden name then
 * renamed, so the intake never sees half of it. The folder was checked to lie inside a file root; a
 * link in it is left alone, so nothing outside the root is reached through one.
 */
final class FolderRelay extends RouteBuilder {

    private final String source;
    private final Path from;
    private final String include;
    private final Path inbox;
    private final Duration pollInterval;
    private final Duration stillFor;

    /**
     * @param pollInterval how often the folder is looked at
     * @param stillFor     how long a file must have stayed unchanged before it is moved: the intake folders' own
     *                     setting, so that a dropped file waits no longer here than it would dropped into the inbox
     */
    FolderRelay(String source, Path from, String include, Path inbox, Duration pollInterval, Duration stillFor) {
        this.source = source;
        this.from = from;
        this.include = include;
        this.inbox = inbox;
        this.pollInterval = pollInterval;
        this.stillFor = stillFor;
    }

    static String routeId(String source) {
        return "relay-" + source;
    }

    @Override
    public void configure() {
        // the filter's name also makes the endpoint this source's own, whatever other sources share the folder
        String filterName = "rapport-relay-filter-" + source;
        getContext().getRegistry().bind(filterName, new RelayedFiles(include));
        long poll = pollInterval.toMillis();
        Map<String, Object> options = new LinkedHashMap<>(SettledFiles.readLock(stillFor));
        options.put("delay", poll);
        options.put("sortBy", "file:name");
        options.put("delete", true);
        options.put("filter", "#" + filterName);
        from(EndpointUri.of(EndpointUri.folder(from), options))
                .routeId(routeId(source))
                // keeps the time the file last changed, so that the inbox takes it at first sight too: it appears
                // there whole, renamed from its temporary name
                .to(EndpointUri.of(EndpointUri.folder(inbox), Map.of("tempFileName", ".relaying-${file:onlyname}",
                        "fileExist", "Fail", "keepLastModified", true)));
    }

    /**
     * The files a relay takes: plain files (no link, no folder) whose name matches the definition's
     * glob, in the JDK's glob syntax the definition was checked with.
     */
    static final class RelayedFiles implements GenericFileFilter<File> {

        private final PathMatcher include;

        /** @param glob the file names to take, or null for every file */
        RelayedFiles(String glob) {
            this.include = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        }

        @Override
        public boolean accept(GenericFile<File> file) {
            Path path = file.getFile().toPath();
            return !file.isDirectory() && !Files.isSymbolicLink(path) && Files.isRegularFile(path)
                    && (include == null || include.matches(Path.of(file.getFileNameOnly())));
        }
    }
}
