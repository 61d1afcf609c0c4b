package org.claimrules.tables;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code tables/manifest.csv}: every data table of a ruleset, the type its rows bind to, which rows
 * a claim selects and what validation checks (the file's header comment documents the columns).
 * The engine knows tables only through it.
 */
public final class TableManifest {

    public static final String PATH = "tables/manifest.csv";
    /** The claim values a table can be matched on. */
    static final Set<String> KEYS = Set.of("procedureCode", "modifier", "diagnosis", "profile", "mac",
            "placeOfService", "role");

    /** One row of the manifest file, as written. */
    public record Entry(String table, String file, String rowType, List<String> match, String select,
            List<String> unique, List<String> references) {
    }

    /** A cell of the claim matched on: a row's {@code column} against the claim's values of any of {@code keys}. */
    public record Match(String column, List<String> keys) {
    }

    /** A column whose every value must appear in {@code column} of table {@code table}. */
    public record Reference(String column, String table, String targetColumn) {
    }

    /** A table as the engine uses it. */
    public record Spec(String name, String file, String rowType, List<Match> match, boolean mostSpecific,
            List<String> unique, List<Reference> references, long manifestLine) {

        /** The folder under {@code tables/} that holds the table's file, or null for a file of {@code tables/} itself. */
        public String folder() {
            String[] parts = file.replace('\\', '/').split("/");
            return parts.length == 3 && parts[0].equals("tables") ? parts[1] : null;
        }
    }

    /** The tables, and the problems found in the manifest itself. */
    public record Read(List<Spec> specs, List<TableProblem> problems) {
    }

    private TableManifest() {
    }

    public static Read read(Path root) throws IOException {
        Path file = root.resolve(PATH);
        List<TableProblem> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            problems.add(new TableProblem(PATH, 0, null, "the table manifest is missing"));
            return new Read(List.of(), problems);
        }
        TableReader.Result<Entry> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = TableReader.read(PATH, in, Entry.class);
        }
        problems.addAll(rows.problems());
        List<Spec> specs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TableReader.Row<Entry> row : rows.rows()) {
            Spec spec = spec(row, problems);
            if (spec == null) {
                continue;
            }
            if (names.contains(spec.name())) {
                problems.add(new TableProblem(PATH, row.line(), "table", "table " + spec.name() + " is listed twice"));
                continue;
            }
            names.add(spec.name());
            specs.add(spec);
        }
        for (Spec spec : specs) {
            for (Reference ref : spec.references()) {
                if (!names.contains(ref.table())) {
                    problems.add(new TableProblem(PATH, spec.manifestLine(), "references", "table " + spec.name()
                            + " refers to table " + ref.table() + ", which the manifest does not list"));
                }
            }
        }
        return new Read(List.copyOf(specs), problems);
    }

    private static Spec spec(TableReader.Row<Entry> row, List<TableProblem> problems) {
        Entry e = row.value();
        int before = problems.size();
        if (e.table() == null || e.file() == null || e.rowType() == null) {
            problems.add(new TableProblem(PATH, row.line(), null, "table, file and rowType are required"));
            return null;
        }
        List<Match> match = new ArrayList<>();
        for (String pair : e.match()) {
            String[] parts = pair.split("=", 2);
            List<String> keys = parts.length == 2 ? Arrays.asList(parts[1].split("\\|")) : List.of();
            if (parts.length != 2 || parts[0].isBlank() || keys.isEmpty() || !KEYS.containsAll(keys)) {
                problems.add(new TableProblem(PATH, row.line(), "match", "'" + pair
                        + "' is not column=key with a key among " + String.join(", ", KEYS.stream().sorted().toList())));
                continue;
            }
            match.add(new Match(parts[0], List.copyOf(keys)));
        }
        String select = e.select() == null ? "all" : e.select();
        if (!select.equals("all") && !select.equals("most-specific")) {
            problems.add(new TableProblem(PATH, row.line(), "select", "'" + select + "' is not all or most-specific"));
        }
        List<Reference> references = new ArrayList<>();
        for (String ref : e.references()) {
            String[] parts = ref.split(">", 2);
            String[] target = parts.length == 2 ? parts[1].split("\\.", 2) : new String[0];
            if (target.length != 2) {
                problems.add(new TableProblem(PATH, row.line(), "references", "'" + ref + "' is not column>table.column"));
                continue;
            }
            references.add(new Reference(parts[0], target[0], target[1]));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Spec(e.table(), e.file(), e.rowType(), List.copyOf(match), select.equals("most-specific"),
                e.unique(), List.copyOf(references), row.line());
    }
}
