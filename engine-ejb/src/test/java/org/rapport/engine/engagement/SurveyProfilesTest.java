package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class SurveyProfilesTest extends PersistenceSpec {

    private static final LocalDateTime WINDOW_START = LocalDateTime.parse("2025-11-01T00:00:00");
    private static final LocalDateTime NOVEMBER = LocalDateTime.parse("2026-11-01T00:00:00");

    /**
     * A pass holds each customer's latest answer in the window, whatever order the database reads them in: the later
     * time wins, to the microsecond, and of two at the same time the one stored last. Every answer with a comment
     * counts; a blank comment is none.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassHoldsEachCustomersLatestAnswerAndTheirComments(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            EngagementFixtures f = new EngagementFixtures(entityManager);
            f.response("A", "2026-10-20T10:00:00.000001", 9, null, 6, "the latest");
            f.response("A", "2026-10-20T10:00:00", 1, 1, 1, "a microsecond earlier, stored later");
            f.response("A", "2026-03-01T10:00:00", 5, 3, 3, "  ");                  // a blank comment
            f.response("A", "2025-10-31T23:59:59", 0, 1, 1, "before the window");
            f.response("A", "2026-11-01T00:00:00", 0, 1, 1, "after the window");
            f.response("B", "2026-10-05T08:00:00", 7, 4, 5, null);
            f.response("B", "2026-10-05T08:00:00", 8, null, null, null);             // the same time, stored last
            f.response(null, "2026-10-06T08:00:00", 0, 1, 1, "no customer");
        });

        List<String> grouped = database.read(entityManager -> {
            SurveyProfiles profiles = new SurveyProfiles(entityManager);
            int customers = profiles.make("test", WINDOW_START, NOVEMBER);
            assertThat(customers).isEqualTo(2);
            List<String> found = new ArrayList<>();
            profiles.forEach("test", List.of("A", "B", "C"), (ref, surveys) -> found.add(ref + ": " + surveys));
            profiles.drop("test");
            return found;
        });

        assertThat(grouped).containsExactly(
                "A: CustomerSurveys[latestAt=2026-10-20T10:00:00.000001, nps=9, csat=null, effort=6, withComment=2]",
                "B: CustomerSurveys[latestAt=2026-10-05T08:00, nps=8, csat=null, effort=null, withComment=0]");
        assertThat(SurveyProfiles.holds("test")).as("dropped").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassIsReadOnlyWhileThisProcessHoldsIt(TestDatabase database) {
        on(database);

        assertThatThrownBy(() -> database.read(entityManager -> {
            new SurveyProfiles(entityManager).forEach("never-made", List.of("A"), (ref, surveys) -> { });
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("never-made");
    }

    /** Scoring's measuring step groups the answers ahead with the calls; the scoring step takes them once. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersGroupedAheadAreTakenAsTheyWereGrouped(TestDatabase database) {
        on(database);
        database.write(entityManager -> new EngagementFixtures(entityManager)
                .response("A", "2026-10-02T09:00:00", 9, null, null, null));
        database.write(entityManager -> new SurveyProfiles(entityManager).makeAhead("ahead", WINDOW_START, NOVEMBER));
        database.write(entityManager -> new EngagementFixtures(entityManager)
                .response("B", "2026-10-03T09:00:00", 3, null, null, null));

        int taken = database.read(entityManager -> new SurveyProfiles(entityManager).makeOrTakeAhead("ahead",
                WINDOW_START, NOVEMBER));
        int madeAgain = database.read(entityManager -> new SurveyProfiles(entityManager).makeOrTakeAhead("ahead",
                WINDOW_START, NOVEMBER));
        database.read(entityManager -> {
            new SurveyProfiles(entityManager).drop("ahead");
            return null;
        });

        assertThat(taken).as("as grouped ahead, before B answered").isEqualTo(1);
        assertThat(madeAgain).isEqualTo(2);
        assertThat(SurveyProfiles.holds("ahead")).isFalse();
    }
}
