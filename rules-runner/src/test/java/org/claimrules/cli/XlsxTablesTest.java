package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data table kept as an Excel workbook: the fee schedule of an exported ruleset rewritten as
 * {@code tables/fees.xlsx} by Apache POI, with numbers as number cells and validity dates as date
 * cells, is read like the CSV by validate, test and score; a bad cell is located by file, row and column.
 */
class XlsxTablesTest {

    @TempDir
    Path tmp;

    /** Replaces tables/fees.csv by tables/fees.xlsx; returns the sheet row number of the first data row. */
    private static int feesAsWorkbook(Path ruleset, String badNonFacilityOfFirstRow) throws IOException {
        Path csv = ruleset.resolve("tables/fees.csv");
        List<String> header;
        List<CSVRecord> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setCommentMarker('#').get())) {
            header = parser.getHeaderNames();
            parser.forEach(records::add);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(ruleset.resolve("tables/fees.xlsx"))) {
            Sheet sheet = book.createSheet("fees");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("$#,##0.00"));
            sheet.createRow(0).createCell(0).setCellValue("# the fee schedule, kept in a spreadsheet");
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < header.size(); c++) {
                    String column = header.get(c);
                    String value = records.get(r).get(column);
                    if (value.isEmpty()) {
                        continue; // a blank cell
                    }
                    if (r == 0 && column.equals("nonFacility") && badNonFacilityOfFirstRow != null) {
                        row.createCell(c).setCellValue(badNonFacilityOfFirstRow);
                    } else if (column.startsWith("valid")) {
                        row.createCell(c).setCellValue(LocalDate.parse(value));
                        row.getCell(c).setCellStyle(date);
                    } else if (value.matches("\\d+(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                        if (column.contains("acility")) {
                            row.getCell(c).setCellStyle(money);
                        }
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            book.write(out);
        }
        Files.delete(csv);
        Cli.replace(ruleset.resolve("tables/manifest.csv"), "fees,tables/fees.csv,", "fees,tables/fees.xlsx,");
        return 3;
    }

    @Test
    void aWorkbookTableValidatesPassesTheScenariosAndScoresLikeTheCsv() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        feesAsWorkbook(dir, null);

        Cli.Run validate = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.OK, validate.exit(), validate::toString);

        Cli.Run test = Cli.run("test", dir.toString());
        assertEquals(ExitCodes.OK, test.exit(), test::toString);

        Path withWorkbook = tmp.resolve("xlsx.jsonl");
        Path bundled = tmp.resolve("csv.jsonl");
        Cli.Run scored = Cli.run("score", "--rules", dir.toString(), "--input", "../examples/claims.jsonl", "--output",
                withWorkbook.toString(), "--no-progress");
        assertTrue(scored.exit() <= ExitCodes.SOME_ERRORS, scored::toString);
        Cli.run("score", "--input", "../examples/claims.jsonl", "--output", bundled.toString(), "--no-progress");
        List<String> a = withoutVersion(withWorkbook);
        List<String> b = withoutVersion(bundled);
        assertEquals(b, a, "the same results, expected payments included, as with the CSV fee schedule");
        assertTrue(a.stream().anyMatch(l -> l.contains("expectedAllowed")), "the fees are used");
    }

    @Test
    void aBadCellIsReportedWithFileRowAndColumn() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        int firstDataRow = feesAsWorkbook(dir, "lots");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("tables/fees.xlsx:" + firstDataRow + ": ")
                && l.contains("nonFacility") && l.contains("'lots'")), run::toString);
        assertFalse(run.out().contains("Exception"), run::toString);
    }

    @Test
    void aFileThatIsNotAWorkbookIsAPlainProblem() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        Files.move(dir.resolve("tables/fees.csv"), dir.resolve("tables/fees.xlsx"));
        Cli.replace(dir.resolve("tables/manifest.csv"), "fees,tables/fees.csv,", "fees,tables/fees.xlsx,");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("tables/fees.xlsx: not a readable .xlsx workbook"), run::toString);
    }

    private static List<String> withoutVersion(Path results) throws IOException {
        return Files.readAllLines(results).stream().map(l -> l.replaceAll("\"rulesetVersion\":\"[^\"]*\"", "")).toList();
    }
}
