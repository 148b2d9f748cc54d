package org.rapport.rules.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small .xlsx decision tables for tests, cell by cell, as a spreadsheet program would save them. */
final class Workbooks {

    private Workbooks() {
    }

    /**
     * A workbook with one sheet; {@code rows[r][c]} goes to row r + 1, column c + 1 (null or "" leaves the cell empty);
     * {@code merged} are ranges such as "B9:B10".
     */
    static RuleFileSource xlsx(String fileName, String sheetName, String[][] rows, String... merged) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int rowIndex = 0; rowIndex < rows.length; rowIndex++) {
                Row row = sheet.createRow(rowIndex);
                for (int column = 0; column < rows[rowIndex].length; column++) {
                    String value = rows[rowIndex][column];
                    if (value != null && !value.isEmpty()) {
                        row.createCell(column).setCellValue(value);
                    }
                }
            }
            for (String range : merged) {
                sheet.addMergedRegion(CellRangeAddress.valueOf(range));
            }
            workbook.write(bytes);
            return new RuleFileSource(fileName, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets table of RuleSetCompilerTest as a workbook: the NPS row is row 9, its target in column B. */
    static String[][] targetsTable(String code, String target) {
        return new String[][] {
                {"RuleSet", "org.rapport.rules"},
                {"Import", "org.rapport.rules.facts.Kpi, java.math.BigDecimal"},
                {},
                {"RuleTable Targets"},
                {"CONDITION", "ACTION"},
                {"$kpi : Kpi", ""},
                {"code == \"$param\"", "$kpi.setTarget(new BigDecimal(\"$param\"));"},
                {"KPI code", "Target"},
                {code, target},
        };
    }
}
