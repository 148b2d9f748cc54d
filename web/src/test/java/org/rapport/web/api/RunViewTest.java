package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rapport.engine.run.RunSummary;

class RunViewTest {

    private static final Instant STARTED = Instant.parse("2026-11-02T06:00:00Z");

    @Test
    void aPublishedRunLinksToItsPack() {
        RunView view = RunView.of(new RunSummary(7, "2026-10", "PUBLISHED", "v1 default (2d716db2)", STARTED,
                STARTED.plusSeconds(9), null, true, null, "DISTRIBUTE", 500, "SCHEDULE"));

        assertThat(view.packUrl()).isEqualTo("api/runs/7/pack");
        assertThat(view.startedAt()).isEqualTo("2026-11-02T06:00:00Z");
        assertThat(view.finishedAt()).isEqualTo("2026-11-02T06:00:09Z");
        assertThat(view.origin()).isEqualTo("SCHEDULE");
    }

    @Test
    void aRunStillWorkingShowsItsStepAndNoPack() {
        RunView view = RunView.of(new RunSummary(8, "2026-10", "RUNNING", "v1 default (2d716db2)", STARTED, null,
                null, false, "RENDER", "EVALUATE", 0, "ON_DEMAND"));

        assertThat(view.packUrl()).isNull();
        assertThat(view.finishedAt()).isNull();
        assertThat(view.currentStep()).isEqualTo("RENDER");
        assertThat(view.completedStep()).isEqualTo("EVALUATE");
    }
}
