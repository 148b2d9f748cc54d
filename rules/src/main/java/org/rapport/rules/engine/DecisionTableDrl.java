package org.rapport.rules.engine;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL that Drools generates from a decision table, kept so that a compile error in the generated
 * rules can point at the spreadsheet row the author wrote rather than at a DRL line they never saw.
 * Immutable and thread-safe.
 */
final class DecisionTableDrl {

    /** Drools writes this comment above every rule it generates, naming the first cell of the row. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    private final String[] lines;

    private DecisionTableDrl(String drl) {
        this.lines = drl.split("\\R", -1);
    }

    /** True for the names Drools reads as decision tables: {@code .csv}, {@code .xls}, {@code .xlsx}. */
    static boolean isDecisionTable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xls") || name.endsWith(".xlsx");
    }

    /**
     * Generates the DRL the way the KIE builder does for this file.
     *
     * @throws RuntimeException when the table cannot be read (Drools and POI throw several kinds)
     */
    static DecisionTableDrl of(RuleFileSource file) {
        InputType type = file.name().toLowerCase(Locale.ROOT).endsWith(".csv") ? InputType.CSV : InputType.XLS;
        return new DecisionTableDrl(new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), type));
    }

    /** The 1-based spreadsheet row of the rule around a 1-based line of the generated DRL; 0 when none. */
    int sourceRow(int drlLine) {
        for (int index = Math.min(drlLine, lines.length) - 1; index >= 0; index--) {
            Matcher matcher = ROW_COMMENT.matcher(lines[index]);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 0;
    }
}
