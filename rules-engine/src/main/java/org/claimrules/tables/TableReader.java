package org.claimrules.tables;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV data table (or the rows of a spreadsheet, {@link SpreadsheetTable}) into rows of a given type (a record, or a type a ruleset declares). The
 * header names the row's columns (in any order); blank cells are null (or false / an empty list); lists are separated by spaces.
 * Lines starting with {@code #} are comments. Every problem is reported with file, line and column.
 */
public final class TableReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private TableReader() {
    }

    /** The rows read and the problems found; rows that do not parse are left out. */
    public record Result<T>(List<Row<T>> rows, List<TableProblem> problems) {
        public List<T> values() {
            return rows.stream().map(Row::value).toList();
        }
    }

    /** A row with the line it came from, for messages about overlaps. */
    public record Row<T>(T value, long line) {
    }

    public static <T> Result<T> read(String file, Reader in, Class<T> type) throws IOException {
        return read(file, in, RowType.of(type));
    }

    public static <T> Result<T> read(String file, Reader in, RowType<T> type) throws IOException {
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(in), FORMAT)) {
            List<Cells> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Cells(record.toList(), parser.getCurrentLineNumber()));
            }
            return bind(file, parser.getHeaderNames(), rows, type);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return new Result<>(List.of(), List.of(new TableProblem(file, 0, null, "not a readable CSV table: " + plain(e))));
        }
    }

    /** One row of a table as text, with the line (CSV) or row (spreadsheet) it came from. */
    record Cells(List<String> values, long line) {
    }

    /**
     * Binds rows of text to the row type, whatever file they came from: the header names the
     * columns, and every cell that does not convert is a problem at its row and column.
     */
    static <T> Result<T> bind(String file, List<String> header, List<Cells> cells, RowType<T> type) {
        List<Row<T>> rows = new ArrayList<>();
        List<TableProblem> problems = new ArrayList<>();
        Map<String, Type> columns = type.columns();
        for (String column : columns.keySet()) {
            if (!header.contains(column)) {
                problems.add(new TableProblem(file, 1, column, "missing column '" + column + "'"));
            }
        }
        for (String column : header) {
            if (!columns.containsKey(column)) {
                problems.add(new TableProblem(file, 1, column, "unknown column '" + column + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result<>(rows, problems);
        }
        for (Cells row : cells) {
            readRow(file, header, row, type, rows, problems);
        }
        return new Result<>(rows, problems);
    }

    /** Spreadsheets save "CSV UTF-8" with a byte order mark; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** The parser's message without the library's exception chain. */
    private static String plain(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private static <T> void readRow(String file, List<String> header, Cells record, RowType<T> type, List<Row<T>> rows,
            List<TableProblem> problems) {
        long line = record.line();
        if (record.values().size() != header.size()) {
            problems.add(new TableProblem(file, line, null, "row has " + record.values().size()
                    + " cells, the header has " + header.size()));
            return;
        }
        Map<String, Object> cells = new java.util.HashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Type> column : type.columns().entrySet()) {
            String cell = record.values().get(header.indexOf(column.getKey()));
            try {
                cells.put(column.getKey(), convert(cell, column.getValue()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new TableProblem(file, line, column.getKey(),
                        "'" + cell + "' is not " + describe(column.getValue())));
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        try {
            rows.add(new Row<>(type.create(cells), line));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add(new TableProblem(file, line, null, "row rejected: " + cause.getMessage()));
        }
    }

    static Object convert(String cell, Type type) {
        boolean blank = cell == null || cell.isBlank();
        if (type == List.class || type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (blank) {
                return List.of();
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            return Arrays.stream(cell.trim().split("\\s+")).map(s -> convert(s, element)).toList();
        }
        Class<?> raw = (Class<?>) type;
        if (raw == boolean.class) {
            return !blank && parseBoolean(cell);
        }
        if (raw == int.class) {
            if (blank) {
                throw new IllegalArgumentException("required");
            }
            return Integer.parseInt(cell.trim());
        }
        if (blank) {
            return null;
        }
        String text = cell.trim();
        if (raw == String.class) {
            return text;
        }
        if (raw == Integer.class) {
            return Integer.valueOf(text);
        }
        if (raw == Boolean.class) {
            return parseBoolean(text);
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (raw.isEnum()) {
            return enumValue(raw, text);
        }
        throw new IllegalArgumentException("unsupported column type " + raw.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class raw, String text) {
        return Enum.valueOf(raw, text.toUpperCase(Locale.ROOT));
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> true;
            case "false", "no", "n" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static String describe(Type type) {
        if (type instanceof ParameterizedType p) {
            return "a space-separated list of " + describe(p.getActualTypeArguments()[0]);
        }
        if (type == List.class) {
            return "a space-separated list";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class) {
            return "a whole number (required)";
        }
        if (raw == Integer.class) {
            return "a whole number or blank";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == LocalDate.class) {
            return "a date like 2026-03-02 or blank";
        }
        if (raw == BigDecimal.class) {
            return "an amount like 172.08";
        }
        if (raw.isEnum()) {
            return "one of " + Arrays.stream(raw.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return "text";
    }
}
