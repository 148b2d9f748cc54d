package org.rapport.integration.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.rapport.integration.filedrop.IntakeFolder;

/**
 * The local folder a transport lands a source's files in, for the file drop to take from:
 *
 * <pre>
 * &lt;landing&gt;/                    landed files, complete: the file drop reads, stores and moves them
 * &lt;landing&gt;/.fetching-&lt;name&gt;     a file still being fetched (hidden, so the file drop leaves it alone)
 * &lt;landing&gt;/.state/             what the transport remembers across restarts (fetched files, watermark)
 * &lt;landing&gt;/.failed/            beside rejected files, a note for each fetch given up
 * </pre>
 */
final class LandingFolder {

    /** Files are written under this prefix and renamed when complete. */
    static final String UNFINISHED_PREFIX = ".fetching-";
    static final String STATE = ".state";
    /** Sortable and safe in a file name on every system: no colons. */
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;

    LandingFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path stateDir() {
        return dir.resolve(STATE);
    }

    Path failedDir() {
        return dir.resolve(IntakeFolder.FAILED);
    }

    /** A file name for what {@code source} fetched or noted at {@code at}, e.g. {@code crm-20261001T020000.000Z.csv}. */
    static String timestamped(String source, Instant at, String suffix) {
        return source + "-" + FILE_TIME.format(at) + suffix;
    }

    /** Creates the folder and its sub-folders when missing. */
    void prepare() throws IOException {
        Files.createDirectories(stateDir());
        Files.createDirectories(failedDir());
    }

    /** A new file to be landed under {@code name} once written completely. */
    LandingFile newFile(String name) throws IOException {
        return new LandingFile(dir.resolve(UNFINISHED_PREFIX + name), dir.resolve(name));
    }

    /** Deletes what a fetch that never finished (the server stopped mid-way) left behind. */
    void removeUnfinished() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, UNFINISHED_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
