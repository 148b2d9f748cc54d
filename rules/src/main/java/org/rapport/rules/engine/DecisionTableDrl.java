package org.rapport.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * A decision table read the way Drools reads it, kept with its cells so that a problem in the DRL
 * Drools generates from it can be reported at the spreadsheet cell the author wrote rather than
 * at a DRL line they never saw. Only the first sheet of a workbook is read, as the KIE builder does.
 * Immutable and thread-safe.
 */
final class DecisionTableDrl {

    /** Drools writes this comment above every rule it generates, naming the first cell of the row. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    /** Drools names cells in its messages: "Code description in cell C8 does not ...". */
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("cells? \\[?([A-Z]{1,3})(\\d+)");

    /** Rows of a rule table after its "RuleTable" row; merging cells is meaningful only in the object-type row. */
    private static final int OBJECT_TYPE_ROW = 2;
    private static final int CODE_ROW = 3;
    private static final int LABEL_ROW = 4;

    /** How a code snippet takes its cell's value. */
    private static final Pattern PARAMETER = Pattern.compile("\\$(param|\\d)");

    private final String drl;
    private final String[] lines;
    private final String sheet;
    private final Map<Integer, Map<Integer, String>> cells;

    private DecisionTableDrl(String drl, String sheet, Map<Integer, Map<Integer, String>> cells) {
        this.drl = drl;
        this.lines = drl.split("\\R", -1);
        this.sheet = sheet;
        this.cells = cells;
    }

    /** True for the names Drools reads as decision tables: {@code .csv}, {@code .xls}, {@code .xlsx}. */
    static boolean isDecisionTable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xls") || name.endsWith(".xlsx");
    }

    /**
     * Reads the table and generates its DRL the way the KIE builder does.
     *
     * @throws UnreadableTableException when the table cannot be read, with the place where Drools says
     */
    static DecisionTableDrl of(RuleFileSource file) {
        boolean csv = file.name().toLowerCase(Locale.ROOT).endsWith(".csv");
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
        CellCollector collector = new CellCollector();
        String sheet = null;
        try {
            if (csv) {
                InputType.CSV.createParser(List.of(rules, collector)).parseFile(new ByteArrayInputStream(file.content()));
            } else {
                Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
                Sheet first = workbook.getSheetAt(0);
                sheet = first.getSheetName();
                List<RuleMessage> merged = mergedCellProblems(file.name(), first);
                if (!merged.isEmpty()) {
                    // Drools would read the merged table into rules that differ from what the sheet shows.
                    throw new UnreadableTableException(merged, null);
                }
                new ExcelParser(List.<DataListener>of(rules, collector)).parseWorkbook(workbook);
            }
            String drl = new SpreadsheetCompiler().listenerToString(rules);
            List<RuleMessage> missingHeaders = missingHeaderProblems(file.name(), sheet, collector.cells);
            if (!missingHeaders.isEmpty()) {
                throw new UnreadableTableException(missingHeaders, null);
            }
            return new DecisionTableDrl(drl, sheet, collector.cells);
        } catch (UnreadableTableException unreadable) {
            throw unreadable;
        } catch (IOException unreadable) {
            throw new UnreadableTableException(List.of(new RuleMessage(file.name(), null, 0, 0,
                    "Not a readable workbook: " + unreadable.getMessage())), unreadable);
        } catch (RuntimeException unreadable) {
            throw new UnreadableTableException(List.of(placed(file.name(), sheet, unreadable)), unreadable);
        }
    }

    /** A message for what Drools or POI said, at the cell it names. */
    private static RuleMessage placed(String file, String sheet, RuntimeException problem) {
        String text = String.valueOf(problem.getMessage());
        Matcher cell = CELL_IN_MESSAGE.matcher(text);
        if (cell.find()) {
            int row = Integer.parseInt(cell.group(2));
            int column = CellReference.convertColStringToIndex(cell.group(1)) + 1;
            return new RuleMessage(file, sheet, row, column, "Not a valid decision table: " + text);
        }
        return new RuleMessage(file, sheet, 0, 0, "Not a valid decision table: " + text);
    }

    /**
     * Merged cells are allowed where Drools gives them a meaning (the object-type row of a rule table, to
     * share one pattern across conditions) and outside rule tables (titles, notes). Anywhere else a merge
     * hides a value from every cell but the first, so the table would not say what it shows.
     */
    private static List<RuleMessage> mergedCellProblems(String file, Sheet sheet) {
        List<RuleMessage> problems = new ArrayList<>();
        List<int[]> tables = ruleTables(sheet);
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            String hidden = hiddenValueCell(sheet, merged, formatter);
            if (hidden != null) {
                problems.add(new RuleMessage(file, sheet.getSheetName(), merged.getFirstRow() + 1,
                        merged.getFirstColumn() + 1, "Merged cells " + merged.formatAsString() + " hide the value of "
                                + hidden + ": Drools would read the first cell's value there; unmerge them"));
                continue;
            }
            for (int[] table : tables) {
                int ruleTableRow = table[0];
                int lastRow = table[1];
                boolean insideTable = merged.getLastRow() > ruleTableRow && merged.getFirstRow() <= lastRow;
                boolean objectTypeRowOnly = merged.getFirstRow() == ruleTableRow + OBJECT_TYPE_ROW
                        && merged.getLastRow() == ruleTableRow + OBJECT_TYPE_ROW;
                if (insideTable && !objectTypeRowOnly) {
                    problems.add(new RuleMessage(file, sheet.getSheetName(), merged.getFirstRow() + 1,
                            merged.getFirstColumn() + 1, "Merged cells " + merged.formatAsString()
                                    + " inside a rule table: only the object-type row (the row under CONDITION/ACTION)"
                                    + " may be merged; unmerge them and fill in every cell"));
                    break;
                }
            }
        }
        return problems;
    }

    /**
     * Drools reads a rule table by position: the row after "RuleTable" holds CONDITION / ACTION, then the
     * object types, then the code snippets, then labels, then one rule per row. With the code row or the
     * label row missing it quietly reads labels as code or the first rule as labels, and the table loses
     * rules without a word. So every CONDITION and ACTION snippet must take its cell's value ($param or
     * $1, $2...), and a table must have at least one rule row.
     */
    private static List<RuleMessage> missingHeaderProblems(String file, String sheet, Map<Integer, Map<Integer, String>> cells) {
        List<RuleMessage> problems = new ArrayList<>();
        for (Map.Entry<Integer, Map<Integer, String>> row : cells.entrySet()) {
            int tableRow = row.getKey();
            boolean startsTable = row.getValue().values().stream()
                    .anyMatch(value -> value.strip().toLowerCase(Locale.ROOT).startsWith("ruletable"));
            if (!startsTable) {
                continue;
            }
            Map<Integer, String> keywords = cells.getOrDefault(tableRow + 1, Map.of());
            Map<Integer, String> code = cells.getOrDefault(tableRow + CODE_ROW, Map.of());
            for (Map.Entry<Integer, String> keyword : keywords.entrySet()) {
                String type = keyword.getValue().strip().toUpperCase(Locale.ROOT);
                if (!List.of("CONDITION", "ACTION", "C", "A").contains(type)) {
                    continue;
                }
                String snippet = code.getOrDefault(keyword.getKey(), "");
                if (!PARAMETER.matcher(snippet).find()) {
                    problems.add(new RuleMessage(file, sheet, tableRow + CODE_ROW + 1, keyword.getKey() + 1,
                            "Missing header: the code row of this " + type + " column (row " + (tableRow + CODE_ROW + 1)
                                    + ", three rows under RuleTable) holds no code taking the cell value ($param);"
                                    + " is a header row missing?"));
                }
            }
            if (!cells.containsKey(tableRow + LABEL_ROW + 1)) {
                problems.add(new RuleMessage(file, sheet, tableRow + LABEL_ROW + 1, 1,
                        "Missing header or rules: the table has no rule rows under its label row (row "
                                + (tableRow + LABEL_ROW + 1) + "); is the label row missing?"));
            }
        }
        return problems;
    }

    /** The first cell of a merged range, other than its top-left one, that still holds a value; {@code null} if none. */
    private static String hiddenValueCell(Sheet sheet, CellRangeAddress merged, DataFormatter formatter) {
        for (int rowIndex = merged.getFirstRow(); rowIndex <= merged.getLastRow(); rowIndex++) {
            Row row = sheet.getRow(rowIndex);
            for (int column = merged.getFirstColumn(); row != null && column <= merged.getLastColumn(); column++) {
                boolean topLeft = rowIndex == merged.getFirstRow() && column == merged.getFirstColumn();
                Cell cell = row.getCell(column);
                if (!topLeft && cell != null && !formatter.formatCellValue(cell).isBlank()) {
                    return new CellReference(rowIndex, column).formatAsString();
                }
            }
        }
        return null;
    }

    /** {ruleTableRow, lastRow} of each rule table of the sheet, 0-based: a table ends at the first empty row after its label row. */
    private static List<int[]> ruleTables(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        List<int[]> tables = new ArrayList<>();
        for (Row row : sheet) {
            boolean startsTable = false;
            for (Cell cell : row) {
                startsTable |= formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT).startsWith("ruletable");
            }
            if (startsTable) {
                int last = row.getRowNum() + LABEL_ROW;
                while (hasValues(sheet.getRow(last + 1), formatter)) {
                    last++;
                }
                tables.add(new int[] {row.getRowNum(), last});
            }
        }
        return tables;
    }

    private static boolean hasValues(Row row, DataFormatter formatter) {
        if (row == null) {
            return false;
        }
        for (Cell cell : row) {
            if (!formatter.formatCellValue(cell).isBlank()) {
                return true;
            }
        }
        return false;
    }

    String drl() {
        return drl;
    }

    /** The worksheet read, for a workbook; {@code null} for CSV. */
    String sheet() {
        return sheet;
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

    /**
     * The cell that wrote {@code text} into the rule around a DRL line: in the rule's own row if a cell
     * there holds it, else the first cell of the sheet that does (a code snippet, an import); as
     * {row, column}, 1-based, column 0 when no cell holds it.
     */
    int[] cellOf(int drlLine, String text) {
        return cellOf(drlLine, text, false);
    }

    /**
     * As {@link #cellOf(int, String)}; with {@code inRuleRow}, a cell found in another row (the code row)
     * only gives the column, and the row stays the rule's: the cell whose value went into that code.
     */
    int[] cellOf(int drlLine, String text, boolean inRuleRow) {
        int row = sourceRow(drlLine);
        Integer column = text == null ? null : columnHolding(row - 1, text);
        if (column != null) {
            return new int[] {row, column + 1};
        }
        if (text != null) {
            for (Map.Entry<Integer, Map<Integer, String>> cellRow : cells.entrySet()) {
                Integer found = columnHolding(cellRow.getKey(), text);
                if (found != null) {
                    return new int[] {inRuleRow && row > 0 ? row : cellRow.getKey() + 1, found + 1};
                }
            }
        }
        return new int[] {row, 0};
    }

    private Integer columnHolding(int row, String text) {
        for (Map.Entry<Integer, String> cell : cells.getOrDefault(row, Map.of()).entrySet()) {
            if (cell.getValue().contains(text)) {
                return cell.getKey();
            }
        }
        return null;
    }

    /** The name of a cell as a spreadsheet shows it, such as C9. */
    static String cellName(int row, int column) {
        return column < 1 ? "row " + row : CellReference.convertNumToColString(column - 1) + row;
    }

    /** Keeps every non-empty cell Drools reads, by 0-based row and column. */
    private static final class CellCollector implements DataListener {

        private final Map<Integer, Map<Integer, String>> cells = new java.util.TreeMap<>();

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row, key -> new HashMap<>()).put(column, value);
            }
        }
    }

    /** A decision table that cannot be read as it shows, with the places that say why. */
    static final class UnreadableTableException extends RuntimeException {

        private final transient List<RuleMessage> ruleMessages;

        UnreadableTableException(List<RuleMessage> ruleMessages, Throwable cause) {
            super(ruleMessages.get(0).text(), cause);
            this.ruleMessages = List.copyOf(ruleMessages);
        }

        List<RuleMessage> ruleMessages() {
            return ruleMessages;
        }
    }
}
