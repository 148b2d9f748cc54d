package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.List;

/** Turns character offsets of a text into 1-based lines and columns, and back. Immutable. */
final class SourceLines {

    private final int[] lineStarts;
    private final int length;

    SourceLines(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) == '\n') {
                starts.add(index + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.length = text.length();
    }

    int line(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
        return line >= 0 ? line + 1 : -line - 1;
    }

    int column(int offset) {
        return Math.max(0, Math.min(offset, length)) - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset of a 1-based line and 0-based column, as Drools descriptions give them; 0 when unknown. */
    int offset(int line, int zeroBasedColumn) {
        if (line < 1 || line > lineStarts.length) {
            return 0;
        }
        return Math.min(length, lineStarts[line - 1] + Math.max(0, zeroBasedColumn));
    }
}
