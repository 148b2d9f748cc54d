package org.rapport.integration.transport;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.http.base.HttpOperationFailedException;

/** What went wrong with a fetch, in words fit for a note and a log: no content, no secret. */
final class Faults {

    private static final int LONGEST = 1_000;

    private Faults() {
    }

    /** The first fault of type {@code type} in the chain of causes, or null. */
    static <T extends Throwable> T find(Throwable fault, Class<T> type) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * Each distinct message down the chain of causes, with the type of the deepest: Camel's wrapper
     * says which operation failed, the library's cause says why. An HTTP failure is told by its status
     * alone: that is what matters, and the response body it carries may hold personal data.
     */
    static String describe(Throwable fault) {
        if (fault == null) {
            return "unknown fault";
        }
        HttpOperationFailedException http = find(fault, HttpOperationFailedException.class);
        if (http != null) {
            return "HTTP " + http.getStatusCode() + (http.getStatusText() == null ? "" : " " + http.getStatusText());
        }
        List<String> messages = new ArrayList<>();
        Throwable deepest = fault;
        for (Throwable cause = fault; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            deepest = cause;
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && messages.stream().noneMatch(earlier -> earlier.contains(message.strip()))) {
                messages.add(message.strip());
            }
        }
        String described = deepest.getClass().getName() + ": " + String.join("; caused by: ", messages);
        return described.length() <= LONGEST ? described : described.substring(0, LONGEST) + "…";
    }
}
