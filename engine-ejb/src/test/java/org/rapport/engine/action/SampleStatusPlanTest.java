package org.rapport.engine.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample team's plan for a month's action points, as the demo reads it; a bad plan names file and field. */
class SampleStatusPlanTest {

    @TempDir
    Path folder;

    @Test
    void readsTheChangesInOrderWithTheMonthFromTheFileName() throws Exception {
        Path file = write("2026-09.json", """
                {"by": "sample-data", "changes": [
                  {"action": "IVR_ABANDONMENT", "status": "IN_PROGRESS", "note": "Menu redesign agreed."},
                  {"action": "IVR_ABANDONMENT", "status": "done", "note": "Menu cut to three options."},
                  {"action": "WAITING_TOO_LONG", "status": "IN_PROGRESS"}]}""");

        SampleStatusPlan plan = SampleStatusPlan.read(file);

        assertThat(plan.month()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(plan.by()).isEqualTo("sample-data");
        assertThat(plan.changes()).containsExactly(
                new SampleStatusPlan.Change("IVR_ABANDONMENT", ActionStatus.IN_PROGRESS, "Menu redesign agreed."),
                new SampleStatusPlan.Change("IVR_ABANDONMENT", ActionStatus.DONE, "Menu cut to three options."),
                new SampleStatusPlan.Change("WAITING_TOO_LONG", ActionStatus.IN_PROGRESS, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a person as the user    | {"by": "Jo Bloggs", "changes": []}                                   | field "by" must be a sample user's name
            no list of changes      | {"by": "sample-data"}                                                | field "changes" must be a list
            an action that is no code | {"by": "sample-data", "changes": [{"action": "drop table", "status": "DONE"}]} | changes[0].action must be a trigger code
            a status that is none   | {"by": "sample-data", "changes": [{"action": "NPS", "status": "FIXED"}]} | changes[0].status must be one of
            not JSON                | {"by":                                                               | not JSON
            """)
    void aBadPlanIsRefusedNamingFileAndField(String what, String json, String message) throws Exception {
        Path file = write("2026-09.json", json);

        assertThatThrownBy(() -> SampleStatusPlan.read(file)).as(what).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2026-09.json: ").hasMessageContaining(message);
    }

    @Test
    void aFileNotNamedForAMonthIsRefused() throws Exception {
        Path file = write("september.json", "{\"by\": \"sample-data\", \"changes\": []}");

        assertThatThrownBy(() -> SampleStatusPlan.read(file)).hasMessageContaining("september.json")
                .hasMessageContaining("e.g. 2026-09.json");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }
}
