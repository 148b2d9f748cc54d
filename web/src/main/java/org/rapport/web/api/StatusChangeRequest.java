package org.rapport.web.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.action.ActionStatusChange;

/**
 * The body of a status change, e.g. {@code {"status": "IN_PROGRESS", "note": "Vendor booked for 14 Nov"}}.
 * The status is read leniently ("in progress", "in-progress" and "IN_PROGRESS" are the same) because people
 * type it; anything else is refused with the statuses there are (the resource answers 400).
 *
 * @param status OPEN, IN_PROGRESS, DONE or DROPPED
 * @param note   why; needed to drop an action, at most 2,000 characters
 */
public record StatusChangeRequest(String status, String note) {

    /**
     * The status asked for.
     *
     * @throws IllegalArgumentException when it is missing or not one of {@link ActionStatus}
     */
    ActionStatus nextStatus() {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("'status' is required: one of " + statuses());
        }
        String normalised = status.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return ActionStatus.valueOf(normalised);
        } catch (IllegalArgumentException notAStatus) {
            throw new IllegalArgumentException("'status' must be one of " + statuses() + ", not '" + status + "'");
        }
    }

    /**
     * The note as given.
     *
     * @throws IllegalArgumentException when it is longer than the audit keeps
     */
    String checkedNote() {
        if (note != null && note.strip().length() > ActionStatusChange.NOTE_LENGTH) {
            throw new IllegalArgumentException("'note' is at most " + ActionStatusChange.NOTE_LENGTH + " characters");
        }
        return note;
    }

    private static String statuses() {
        return Arrays.stream(ActionStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
