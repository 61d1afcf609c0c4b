package org.claimrules.tables;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a data table kept as an Excel workbook ({@code .xlsx}, Apache POI): its first sheet, laid
 * out like the CSV (a header row naming the columns, then one row per table row; rows whose first
 * cell starts with {@code #} and empty rows are skipped). Each cell becomes the text the CSV would
 * hold, then {@link TableReader} converts it, so problems name the file, the sheet's row number
 * and the column. Cells are read as:
 * <ul>
 * <li>text as written (surrounding spaces ignored);</li>
 * <li>a date (a number with a date format) as {@code 2026-03-02}; with a time of day it is not a date;</li>
 * <li>other numbers as plain decimals ({@code 20610}, {@code 172.08}), never in scientific notation,
 * without the cell's currency or thousands format; a format of zeros only ({@code 00}) keeps the
 * leading zeros it shows ({@code 02});</li>
 * <li>TRUE and FALSE as true and false; a formula as the value Excel last computed; an error
 * value ({@code #N/A}) is a problem at its cell.</li>
 * </ul>
 */
final class SpreadsheetTable {

    private static final DataFormatter SHOWN = new DataFormatter();

    private SpreadsheetTable() {
    }

    static <T> TableReader.Result<T> read(String file, InputStream in, RowType<T> type) {
        List<String> header = null;
        List<TableReader.Cells> rows = new ArrayList<>();
        List<TableProblem> problems = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return failed(file, "the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                boolean bad = false;
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    try {
                        cells.add(text(cell));
                    } catch (IllegalArgumentException e) {
                        problems.add(new TableProblem(file, row.getRowNum() + 1, header != null && c < header.size()
                                ? header.get(c) : null, "cell " + new CellReference(row.getRowNum(), c).formatAsString()
                                + " " + e.getMessage()));
                        cells.add("");
                        bad = true;
                    }
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.isEmpty() || cells.get(0).startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (bad) {
                    continue;
                }
                if (cells.size() > header.size()) {
                    problems.add(new TableProblem(file, row.getRowNum() + 1, null, "row has a cell in column "
                            + CellReference.convertNumToColString(cells.size() - 1) + ", past the header's last column "
                            + CellReference.convertNumToColString(header.size() - 1)));
                    continue;
                }
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                rows.add(new TableReader.Cells(cells, row.getRowNum() + 1));
            }
        } catch (IOException | RuntimeException e) {
            return failed(file, "not a readable .xlsx workbook (" + e.getClass().getSimpleName() + ")");
        }
        if (header == null) {
            return failed(file, "the first sheet has no header row");
        }
        TableReader.Result<T> bound = TableReader.bind(file, header, rows, type);
        problems.addAll(bound.problems());
        return new TableReader.Result<>(bound.rows(), problems);
    }

    /** The cell as the CSV would hold it. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType kind = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (kind) {
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> number(cell);
            case ERROR -> throw new IllegalArgumentException("holds the error value "
                    + FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> "";
        };
    }

    private static String number(Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime at = cell.getLocalDateTimeCellValue();
            return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
        }
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        if (format != null && format.matches("0+")) {
            return SHOWN.formatCellValue(cell);
        }
        return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }

    private static <T> TableReader.Result<T> failed(String file, String message) {
        return new TableReader.Result<>(List.of(), List.of(new TableProblem(file, 0, null, message)));
    }
}
