package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rapport.engine.action.ActionLine;
import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.action.FollowUpSignal;

class ActionPointViewTest {

    @Test
    void anActionTheTeamMovedOnShowsWhenAndByWhomAndWhatTheNextMonthFound() {
        ActionPointView view = ActionPointView.of(new ActionLine(31, 7, "2026-09", "TRAPPED_IN_SELF_SERVICE",
                "Callers trapped in self-service", "TECHNOLOGY", "HIGH", "P90 15.0 min", null, ActionStatus.DONE,
                Instant.parse("2026-10-12T09:30:00Z"), "anonymous", false, FollowUpSignal.STILL_FIRING, 9L));

        assertThat(view.status()).isEqualTo("DONE");
        assertThat(view.statusChangedAt()).isEqualTo("2026-10-12T09:30:00Z");
        assertThat(view.statusChangedBy()).isEqualTo("anonymous");
        assertThat(view.nextMonth()).isEqualTo("STILL_FIRING");
        assertThat(view.nextMonthRunId()).isEqualTo(9L);
        assertThat(view.historyUrl()).isEqualTo("api/runs/7/triggers/31/history");
    }

    @Test
    void anActionNobodyTouchedAndNoLaterRunLookedAtHasNeither() {
        ActionPointView view = ActionPointView.of(new ActionLine(32, 8, "2026-10", "NPS_BELOW_TARGET",
                "Detractors outnumber target", "STAFF", "HIGH", "NPS 0", null, ActionStatus.OPEN, null, null, true,
                null, null));

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.statusChangedAt()).isNull();
        assertThat(view.nextMonth()).isNull();
        assertThat(view.recurring()).isTrue();
    }
}
