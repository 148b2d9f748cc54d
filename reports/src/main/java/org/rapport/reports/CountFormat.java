package org.rapport.reports;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole counts (rows, sample sizes) with UK digit grouping, e.g. "12,480", whatever the server locale. */
final class CountFormat {

    private CountFormat() {
    }

    static String of(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }
}
