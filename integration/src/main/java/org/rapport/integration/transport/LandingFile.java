package org.rapport.integration.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a hidden name and renamed into place only when complete, so the file drop
 * never reads half a file. Closing it without {@link #land()} deletes what was written. Not thread-safe.
 */
final class LandingFile implements AutoCloseable {

    private final Path unfinished;
    private final Path landed;
    private OutputStream out;
    private boolean done;

    LandingFile(Path unfinished, Path landed) {
        this.unfinished = unfinished;
        this.landed = landed;
    }

    /** The stream to write the content to; the file is created on the first call. */
    OutputStream content() throws IOException {
        if (out == null) {
            out = new BufferedOutputStream(Files.newOutputStream(unfinished));
        }
        return out;
    }

    /** Closes the content and renames it to its landed name in one step; returns the landed file. */
    Path land() throws IOException {
        content().close();
        // same folder, so the rename is atomic: the file drop sees nothing, then the whole file
        Files.move(unfinished, landed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        done = true;
        return landed;
    }

    /** Deletes the unfinished file unless it was landed. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            Files.deleteIfExists(unfinished);
        }
    }
}
