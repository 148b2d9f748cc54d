package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Puts back in its inbox, once, a file that lies in {@value IntakeFolder#FAILED} only because the
 * infrastructure failed when it was stored — as earlier versions did after five quick retries while the
 * database restarted. Its note says so ("not stored after 5 attempts: …JDBCConnectionException…"). Once back,
 * the file is stored as any other: if the database is still away it waits in the inbox until it returns,
 * and if its content is refused it goes to {@value IntakeFolder#FAILED} again, this time for good. The note
 * is removed as the file is put back, so it happens exactly once.
 */
final class FailedForInfrastructure {

    private static final Logger LOG = Logger.getLogger(FailedForInfrastructure.class.getName());

    /** Words of the faults of the database, the pool or the disk, as a note quotes them. */
    private static final List<String> INFRASTRUCTURE_WORDS = List.of("jdbcconnectionexception",
            "sqltransientconnectionexception", "sqlnontransientconnectionexception", "this connection has been closed",
            "connection refused", "connection to the database", "an i/o error occurred while sending to the backend",
            "terminating connection due to administrator command", "the database system is shutting down",
            "the database system is starting up", "unable to acquire jdbc connection", "ij000453", "ij031",
            "no space left on device", "disk quota exceeded", "database is already closed");

    private FailedForInfrastructure() {
    }

    /** Moves the files of {@code inbox}'s {@value IntakeFolder#FAILED} that failed for the infrastructure back. */
    static void putBack(Path inbox) {
        Path failed = inbox.resolve(IntakeFolder.FAILED);
        if (!Files.isDirectory(failed)) {
            return;
        }
        try (Stream<Path> notes = Files.list(failed)) {
            notes.filter(note -> note.getFileName().toString().endsWith(FailureNote.SUFFIX))
                    .filter(FailedForInfrastructure::blamesInfrastructure)
                    .forEach(note -> putBack(inbox, note));
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "Could not look for files to put back in " + failed);
        }
    }

    private static void putBack(Path inbox, Path note) {
        String noteName = note.getFileName().toString();
        String fileName = noteName.substring(0, noteName.length() - FailureNote.SUFFIX.length());
        Path file = note.resolveSibling(fileName);
        Path back = inbox.resolve(fileName);
        if (!Files.isRegularFile(file) || Files.exists(back)) {
            LOG.warning(() -> "'" + fileName + "' failed because of the infrastructure but is not put back: "
                    + (Files.exists(back) ? "a file of that name waits in the inbox" : "it is no longer there"));
            return;
        }
        try {
            Files.move(file, back);
            Files.delete(note);
            LOG.info(() -> "'" + fileName + "' was in " + IntakeFolder.FAILED + " only because the infrastructure "
                    + "failed when it was stored; put back in " + inbox + " to be stored once");
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "Could not put '" + fileName + "' back in " + inbox);
        }
    }

    /** Whether a note blames the infrastructure (and not the content, which it would say in its cause). */
    static boolean blamesInfrastructure(Path note) {
        try {
            String text = Files.readString(note, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return text.contains("reason: not stored after") && !text.contains(FailureNote.CAUSE)
                    && INFRASTRUCTURE_WORDS.stream().anyMatch(text::contains);
        } catch (IOException e) {
            return false;
        }
    }
}
