package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.run.RunSummary;

class RunViewTest {

    private static final Instant STARTED = Instant.parse("2026-11-02T06:00:00Z");

    @Test
    void aPublishedRunLinksToItsPack() {
        RunView view = RunView.of(new RunSummary(7, "2026-10", "PUBLISHED", "v1 default (2d716db2)", STARTED,
                STARTED.plusSeconds(9), null, true, null, "DISTRIBUTE", 500, "SCHEDULE", List.of(), null, false, null));

        assertThat(view.packUrl()).isEqualTo("api/runs/7/pack");
        assertThat(view.startedAt()).isEqualTo("2026-11-02T06:00:00Z");
        assertThat(view.finishedAt()).isEqualTo("2026-11-02T06:00:09Z");
        assertThat(view.origin()).isEqualTo("SCHEDULE");
    }

    @Test
    void aRunStillWorkingShowsItsStepAndNoPack() {
        RunView view = RunView.of(new RunSummary(8, "2026-10", "RUNNING", "v1 default (2d716db2)", STARTED, null,
                null, false, "RENDER", "EVALUATE", 0, "ON_DEMAND", List.of(), null, false, null));

        assertThat(view.packUrl()).isNull();
        assertThat(view.finishedAt()).isNull();
        assertThat(view.currentStep()).isEqualTo("RENDER");
        assertThat(view.completedStep()).isEqualTo("EVALUATE");
    }

    @Test
    void aRunWaitingForDataSaysWhatEachMissingSourceLacks() {
        RunView view = RunView.of(new RunSummary(9, "2026-11", "WAITING_FOR_DATA", "v1 default (2d716db2)", STARTED,
                null, null, false, null, null, 0, "SCHEDULE",
                List.of("file-drop/calls: records only through 2026-10-31; needs records through 2026-11-30"), null,
                false, null));

        assertThat(view.status()).isEqualTo("WAITING_FOR_DATA");
        assertThat(view.packUrl()).isNull();
        assertThat(view.waitingFor()).containsExactly(
                "file-drop/calls: records only through 2026-10-31; needs records through 2026-11-30");
    }
}
