package org.claimrules.tables;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
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
 * Reads a CSV data table into records of a given type. The header names the record's components
 * (in any order); blank cells are null (or false / an empty list); lists are separated by spaces.
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

    public static <T extends Record> Result<T> read(String file, Reader in, Class<T> type) throws IOException {
        List<Row<T>> rows = new ArrayList<>();
        List<TableProblem> problems = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        try (CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (RecordComponent c : components) {
                if (!header.containsKey(c.getName())) {
                    problems.add(new TableProblem(file, 1, c.getName(), "missing column '" + c.getName() + "'"));
                }
            }
            for (String column : header.keySet()) {
                if (Arrays.stream(components).noneMatch(c -> c.getName().equals(column))) {
                    problems.add(new TableProblem(file, 1, column, "unknown column '" + column + "'"));
                }
            }
            if (!problems.isEmpty()) {
                return new Result<>(rows, problems);
            }
            for (CSVRecord record : parser) {
                readRow(file, record, type, components, rows, problems);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(new TableProblem(file, 0, null, "not a readable CSV table: " + e.getMessage()));
        }
        return new Result<>(rows, problems);
    }

    private static <T extends Record> void readRow(String file, CSVRecord record, Class<T> type,
            RecordComponent[] components, List<Row<T>> rows, List<TableProblem> problems) {
        long line = record.getParser().getCurrentLineNumber();
        if (!record.isConsistent()) {
            problems.add(new TableProblem(file, line, null, "row has " + record.size()
                    + " cells, the header has " + record.getParser().getHeaderNames().size()));
            return;
        }
        Object[] args = new Object[components.length];
        boolean ok = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String cell = record.get(c.getName());
            try {
                args[i] = convert(cell, c.getGenericType());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new TableProblem(file, line, c.getName(),
                        "'" + cell + "' is not " + describe(c.getGenericType())));
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            rows.add(new Row<>(constructor.newInstance(args), line));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add(new TableProblem(file, line, null, "row rejected: " + cause.getMessage()));
        }
    }

    static Object convert(String cell, Type type) {
        boolean blank = cell == null || cell.isBlank();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (blank) {
                return List.of();
            }
            Type element = p.getActualTypeArguments()[0];
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
