package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Makes the intake folders ready before their routes start: a missing folder (with its
 * {@value IntakeFolder#DONE} and {@value IntakeFolder#FAILED}) is created; one that cannot be
 * created, read or written is reported, and left out so the others still run.
 */
public final class IntakeFolders {

    private static final Logger LOG = Logger.getLogger(IntakeFolders.class.getName());

    private IntakeFolders() {
    }

    /** The folders that are ready to be consumed from. */
    public static List<IntakeFolder> prepare(Path intakeDir, List<IntakeFolder> folders) {
        List<IntakeFolder> usable = new ArrayList<>();
        for (IntakeFolder folder : folders) {
            Path dir = intakeDir.resolve(folder.name());
            String problem = prepare(dir);
            if (problem == null) {
                usable.add(folder);
            } else {
                LOG.severe(() -> "Intake folder " + dir + " cannot be used (" + problem + "): files dropped for "
                        + folder.format().kind() + " will not be taken until it is fixed and Rapport restarted");
            }
        }
        return usable;
    }

    /** Null when the folder is ready, else what is wrong with it. */
    private static String prepare(Path dir) {
        try {
            Files.createDirectories(dir.resolve(IntakeFolder.DONE));
            Files.createDirectories(dir.resolve(IntakeFolder.FAILED));
        } catch (IOException | SecurityException e) {
            return "cannot create it or its sub-folders: " + e;
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
            return "it must be readable and writable";
        }
        return null;
    }

    /** Whether a folder holds no file a route would take or has taken; hidden files do not count. */
    static boolean holdsNoFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.noneMatch(entry -> Files.isRegularFile(entry) && !isHidden(entry));
        }
    }

    static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }
}
