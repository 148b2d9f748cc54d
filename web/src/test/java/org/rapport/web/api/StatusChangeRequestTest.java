package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rapport.engine.action.ActionStatus;

class StatusChangeRequestTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            IN_PROGRESS,   IN_PROGRESS
            in progress,   IN_PROGRESS
            In-Progress,   IN_PROGRESS
            ' done ',      DONE
            dropped,       DROPPED
            open,          OPEN
            """)
    void theStatusIsReadAsPeopleTypeIt(String typed, ActionStatus status) {
        assertThat(new StatusChangeRequest(typed, null).nextStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLOSED", "finished", "IN__PROGRESS_NOW"})
    void aStatusThatDoesNotExistIsRefusedListingThoseThatDo(String typed) {
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
                () -> new StatusChangeRequest(typed, null).nextStatus());

        assertThat(error).hasMessageContaining("OPEN, IN_PROGRESS, DONE, DROPPED").hasMessageContaining(typed);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void aMissingStatusIsRefused(String typed) {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new StatusChangeRequest(typed, "why").nextStatus())).hasMessageContaining("'status' is required");
    }

    @Test
    void aNoteLongerThanTheAuditKeepsIsRefused() {
        String longest = "x".repeat(2000);

        assertThat(new StatusChangeRequest("DONE", longest).checkedNote()).isEqualTo(longest);
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new StatusChangeRequest("DONE", longest + "x").checkedNote()))
                .hasMessageContaining("at most 2000 characters");
    }
}
