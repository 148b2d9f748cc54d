package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** What the transport tests share: quick settings and a look into landing folders. */
final class TransportFixtures {

    private TransportFixtures() {
    }

    /** Retries twice, after 50 ms then 100 ms; remote files must be a minute old. */
    static FetchSettings quickSettings() {
        return new FetchSettings(Duration.ZERO, Duration.ofMillis(200), 2, Duration.ofMillis(50), Duration.ofMinutes(1));
    }

    /** The names of the visible files in a folder, as the file drop would take them. */
    static List<String> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    /** The notes of fetches of {@code source} given up, oldest first. */
    static List<Path> notes(Path landing, String source) throws IOException {
        Path failed = landing.resolve(".failed");
        return filesIn(failed).stream().filter(name -> name.startsWith(source + "-")
                && name.endsWith(FetchFailureNote.SUFFIX)).map(failed::resolve).toList();
    }

    /** The one note of a fetch given up. */
    static Path onlyNote(Path landing, String source) throws IOException {
        List<Path> notes = notes(landing, source);
        assertThat(notes).as("notes of fetches given up").hasSize(1);
        return notes.get(0);
    }
}
