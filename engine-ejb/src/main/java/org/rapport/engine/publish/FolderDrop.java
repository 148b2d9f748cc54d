package org.rapport.engine.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rapport.engine.run.PackFiles;

/**
 * A folder that receives a copy of every pack ({@code rapport.distribution.folder}: a share, a
 * folder a sync tool watches). The copy appears in one step, never half-written. Thread-safe.
 */
public final class FolderDrop implements PackDropTarget {

    private final Path folder;

    public FolderDrop(Path folder) {
        this.folder = folder;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.FOLDER;
    }

    @Override
    public String target() {
        return folder.toString();
    }

    @Override
    public void drop(Path pdf) throws IOException {
        try {
            PackFiles.write(folder, pdf.getFileName().toString(), Files.readAllBytes(pdf));
        } catch (UncheckedIOException e) {
            throw new IOException("could not write to " + folder + ": " + e.getCause().getMessage(), e);
        }
    }
}
