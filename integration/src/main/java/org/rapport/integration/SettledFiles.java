package org.rapport.integration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a folder's reader takes a file: once it has stayed unchanged for a while, so that a file still being written
 * is left alone. A file last changed longer ago than that is taken at first sight rather than looked at twice that
 * long apart; an empty file is taken too, to be refused visibly rather than waited for forever. The one place the
 * file endpoints' read-lock options are chosen.
 */
public final class SettledFiles {

    private SettledFiles() {
    }

    /** The read-lock options for files that must have been still for {@code stillFor}, in their order. */
    public static Map<String, Object> readLock(Duration stillFor) {
        long millis = stillFor.toMillis();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("readLock", "changed");
        options.put("readLockCheckInterval", millis);
        options.put("readLockMinAge", millis);
        options.put("readLockTimeout", 10 * millis);
        options.put("readLockMinLength", 0);
        return options;
    }

    /** The same options as a query string ({@code readLock=changed&…}): numbers and fixed words, nothing to encode. */
    public static String readLockQuery(Duration stillFor) {
        return readLock(stillFor).entrySet().stream().map(option -> option.getKey() + "=" + option.getValue())
                .collect(Collectors.joining("&"));
    }
}
