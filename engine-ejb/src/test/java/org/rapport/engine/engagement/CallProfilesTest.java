package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class CallProfilesTest extends PersistenceSpec {

    private static final LocalDateTime WINDOW_START = LocalDateTime.parse("2026-08-03T00:00:00");
    private static final LocalDateTime OCTOBER = LocalDateTime.parse("2026-10-01T00:00:00");
    private static final LocalDateTime NOVEMBER = LocalDateTime.parse("2026-11-01T00:00:00");

    /**
     * A pass holds what scoring pages read and nothing else: the window's self-served calls of callers who did not
     * want an agent, and the month's answered or self-served calls (contacts to price). Abandoned calls, and answered
     * calls before the month, would only make the pass larger.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassGroupsOnlyTheCallsScoringPagesRead(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.call("A", "2026-08-10T09:00:00", CallOutcome.SELF_SERVED, "phone");     // a success, before the month
            facts.call("A", "2026-08-11T09:00:00", CallOutcome.ANSWERED, "phone");        // before the month: not read
            facts.call("A", "2026-10-02T09:00:00", CallOutcome.ANSWERED, "phone");
            facts.call("A", "2026-10-03T09:00:00", CallOutcome.ANSWERED, "phone");
            facts.call("A", "2026-10-04T09:00:00", CallOutcome.ABANDONED_IN_IVR, "phone");   // not read
            facts.call("A", "2026-10-05T09:00:00", CallOutcome.SELF_SERVED, "phone");
            facts.call("B", "2026-10-06T09:00:00", CallOutcome.ABANDONED_IN_QUEUE, "chat");  // not read
            facts.call("A", "2026-11-01T00:00:00", CallOutcome.ANSWERED, "phone");           // after the month
        });

        List<String> grouped = database.read(entityManager -> {
            CallProfiles profiles = new CallProfiles(entityManager);
            int customers = profiles.make("test", WINDOW_START, OCTOBER, NOVEMBER);
            assertThat(customers).as("B made only an abandoned call").isEqualTo(1);
            List<String> found = new ArrayList<>();
            profiles.forEach("test", List.of("A", "B", "C"), (ref, calls) -> found.add("%s: %d successes, %s"
                    .formatted(ref, calls.selfServiceSuccesses(), calls.contacts())));
            profiles.drop("test");
            return found;
        });

        assertThat(grouped).containsExactly("A: 2 successes, {phone=2, self-service=1}");
        assertThat(CallProfiles.holds("test")).as("dropped").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassIsReadOnlyWhileThisProcessHoldsIt(TestDatabase database) {
        on(database);

        assertThatThrownBy(() -> database.read(entityManager -> {
            new CallProfiles(entityManager).forEach("never-made", List.of("A"), (ref, calls) -> { });
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("never-made");
    }

    /**
     * A run's measuring step groups the calls ahead of its scoring step: the scoring step takes the pass as it was
     * grouped, once; asked again (a step started over) it groups afresh.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassGroupedAheadIsTakenOnceAsItWasGroupedAndThenMadeAfresh(TestDatabase database) {
        on(database);
        database.write(entityManager -> new Facts(entityManager).call("A", "2026-10-02T09:00:00",
                CallOutcome.ANSWERED, "phone"));
        database.write(entityManager -> new CallProfiles(entityManager).makeAhead("ahead", WINDOW_START, OCTOBER,
                NOVEMBER));
        assertThat(CallProfiles.groupedAhead("ahead")).isTrue();
        assertThat(CallProfiles.holds("ahead")).as("not made until it is asked for").isFalse();
        database.write(entityManager -> new Facts(entityManager).call("B", "2026-10-03T09:00:00",
                CallOutcome.ANSWERED, "phone"));

        int taken = database.read(entityManager -> new CallProfiles(entityManager).makeOrTakeAhead("ahead",
                WINDOW_START, OCTOBER, NOVEMBER));
        List<String> customers = customersHeld(database, "ahead");
        int madeAgain = database.read(entityManager -> new CallProfiles(entityManager).makeOrTakeAhead("ahead",
                WINDOW_START, OCTOBER, NOVEMBER));

        assertThat(taken).as("as grouped ahead, before B's call").isEqualTo(1);
        assertThat(customers).containsExactly("A");
        assertThat(CallProfiles.groupedAhead("ahead")).as("taken once").isFalse();
        assertThat(madeAgain).as("grouped afresh").isEqualTo(2);
        assertThat(customersHeld(database, "ahead")).containsExactly("A", "B");
        database.read(entityManager -> {
            new CallProfiles(entityManager).drop("ahead");
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassWhoseGroupingAheadFailedIsGroupedWhenAskedFor(TestDatabase database) {
        on(database);
        database.write(entityManager -> new Facts(entityManager).call("A", "2026-10-02T09:00:00",
                CallOutcome.ANSWERED, "phone"));

        assertThatThrownBy(() -> database.read(entityManager -> {
            new CallProfiles(entityManager).makeAhead("failed-ahead", null, OCTOBER, NOVEMBER);
            return null;
        })).isInstanceOf(RuntimeException.class);
        int made = database.read(entityManager -> new CallProfiles(entityManager).makeOrTakeAhead("failed-ahead",
                WINDOW_START, OCTOBER, NOVEMBER));

        assertThat(made).isEqualTo(1);
        assertThat(CallProfiles.holds("failed-ahead")).isTrue();
        assertThat(CallProfiles.groupedAhead("failed-ahead")).isFalse();
        database.read(entityManager -> {
            new CallProfiles(entityManager).drop("failed-ahead");
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void droppingAPassLetsGoOfWhatWasGroupedAheadForIt(TestDatabase database) {
        on(database);
        int heldBefore = CallProfiles.passesHeld();
        database.read(entityManager -> {
            CallProfiles profiles = new CallProfiles(entityManager);
            profiles.makeAhead("dropped-ahead", WINDOW_START, OCTOBER, NOVEMBER);
            assertThat(CallProfiles.passesHeld()).isEqualTo(heldBefore + 1);
            profiles.drop("dropped-ahead");
            return null;
        });

        assertThat(CallProfiles.groupedAhead("dropped-ahead")).isFalse();
        assertThat(CallProfiles.passesHeld()).isEqualTo(heldBefore);
    }

    private static List<String> customersHeld(TestDatabase database, String pass) {
        return database.read(entityManager -> {
            List<String> found = new ArrayList<>();
            new CallProfiles(entityManager).forEach(pass, List.of("A", "B", "C"), (ref, calls) -> found.add(ref));
            return found;
        });
    }
}
