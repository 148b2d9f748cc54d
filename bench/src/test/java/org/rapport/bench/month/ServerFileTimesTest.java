package org.rapport.bench.month;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerFileTimesTest {

    @TempDir
    Path folder;

    @Test
    void aFileStagedAndMergedIsTimedFromTheServersTwoLines() throws Exception {
        Path log = Files.writeString(folder.resolve("server.log"), """
                17:40:01,123 INFO  [org.rapport.engine.intake.StagedIntake] (Camel) File 'Master-2026-10.csv': \
                2000001 rows staged in 11.34 s
                17:40:02,000 INFO  [org.rapport.engine.intake.StagedIntake] (Camel) File 'qualtrics_2026-10.csv': \
                90344 rows staged in 0.52 s
                17:40:13,456 INFO  [org.rapport.engine.intake.StagedIntake] (Camel) File 'Master-2026-10.csv': \
                made batch 7 in 2 parts, 10.50 s
                17:40:14,000 INFO  [org.rapport.engine.intake.StagedIntake] (Camel) File 'customers-2026-10.csv': \
                stored
                """);

        ServerFileTimes times = ServerFileTimes.read(log);

        assertThat(times.of("Master-2026-10.csv")).hasValueSatisfying(pbx -> {
            assertThat(pbx.staged()).isEqualTo(11.34);
            assertThat(pbx.merged()).isEqualTo(10.50);
            assertThat(pbx.total()).isEqualTo(21.84, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(times.of("qualtrics_2026-10.csv")).as("staged, not merged yet").isEmpty();
        assertThat(times.of("customers-2026-10.csv")).as("not staged at all").isEmpty();
    }

    @Test
    void noLogNoTimes() throws Exception {
        assertThat(ServerFileTimes.read(folder.resolve("absent.log")).of("Master-2026-10.csv")).isEmpty();
    }
}
