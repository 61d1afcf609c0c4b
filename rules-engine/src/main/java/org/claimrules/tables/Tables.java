package org.claimrules.tables;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.tables.DiagnosisCodes;

/**
 * The data tables of a ruleset as {@link TableManifest} lists them, with the rows each claim
 * selects. Rows are selected here by the claim's keys (codes, diagnoses, profile...); the rules
 * select them by service date. Immutable once loaded; the engine knows no table by name but
 * {@value #PROFILES}, whose {@code profile} column lists the payer profiles a claim may name.
 */
public final class Tables {

    public static final String PROFILES = "profiles";

    private final List<Table> tables;
    private final Set<String> profiles;

    private Tables(List<Table> tables) {
        this.tables = List.copyOf(tables);
        Set<String> names = new TreeSet<>();
        tables.stream().filter(t -> t.spec.name().equals(PROFILES))
                .forEach(t -> t.rows.forEach(r -> names.add(String.valueOf(RowType.get(r, "profile")))));
        this.profiles = Collections.unmodifiableSet(names);
    }

    /** The tables read from a ruleset folder, and every problem found in them. */
    public record Loaded(Tables tables, List<TableProblem> problems) {
    }

    /** One table: its manifest entry, its rows, and its rows indexed by the first match column. */
    private record Table(TableManifest.Spec spec, List<Object> rows, Map<String, List<Object>> byFirstKey,
            List<Object> anyFirstKey, List<String> keyNames, Map<List<List<String>>, List<Object>> selected) {

        static Table of(TableManifest.Spec spec, List<Object> rows) {
            Map<String, List<Object>> index = new HashMap<>();
            List<Object> any = new ArrayList<>();
            if (!spec.match().isEmpty()) {
                TableManifest.Match first = spec.match().get(0);
                for (Object row : rows) {
                    List<String> values = cellValues(row, first);
                    if (values.isEmpty()) {
                        any.add(row);
                    }
                    values.forEach(v -> index.computeIfAbsent(v, k -> new ArrayList<>()).add(row));
                }
            }
            List<String> keyNames = spec.match().stream().flatMap(m -> m.keys().stream()).distinct().toList();
            return new Table(spec, List.copyOf(rows), index, any, keyNames, new ConcurrentHashMap<>());
        }

        /**
         * The claim's values of the keys this table matches on, in the order selection reads them:
         * the claim's own lists, which nothing changes once {@link #keys} has built them.
         */
        List<List<String>> keyValues(Map<String, List<String>> keys) {
            List<List<String>> values = new ArrayList<>(keyNames.size());
            for (String k : keyNames) {
                values.add(keys.get(k));
            }
            return values;
        }
    }

    /**
     * Reads every table of the manifest. {@code classes} loads the row types (the ruleset's
     * declared types live in its knowledge base's class loader).
     */
    public static Loaded load(Path root, ClassLoader classes) throws IOException {
        TableManifest.Read manifest = TableManifest.read(root);
        List<TableProblem> problems = new ArrayList<>(manifest.problems());
        List<Table> tables = new ArrayList<>();
        Set<String> broken = new java.util.HashSet<>();
        Map<Object, Long> lines = new java.util.IdentityHashMap<>();
        for (TableManifest.Spec spec : manifest.specs()) {
            List<TableProblem> own = new ArrayList<>();
            tables.add(Table.of(spec, read(root, spec, classes, own, lines)));
            if (!own.isEmpty()) {
                broken.add(spec.name());
            }
            problems.addAll(own);
        }
        problems.addAll(TableReferences.check(tables.stream().collect(LinkedHashMap<String, List<Object>>::new,
                (m, t) -> m.put(t.spec.name(), t.rows), Map::putAll),
                manifest.specs(), broken, lines));
        return new Loaded(new Tables(tables), problems);
    }

    private static List<Object> read(Path root, TableManifest.Spec spec, ClassLoader classes, List<TableProblem> problems,
            Map<Object, Long> lines) throws IOException {
        Class<?> type;
        try {
            type = Class.forName(spec.rowType(), true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(new TableProblem(TableManifest.PATH, spec.manifestLine(), "rowType", "row type "
                    + spec.rowType() + " of table " + spec.name() + " is not declared by any rule file"));
            return List.of();
        }
        Path file = root.resolve(spec.file());
        if (!Files.exists(file)) {
            problems.add(new TableProblem(spec.file(), 0, null, "table is missing"));
            return List.of();
        }
        TableReader.Result<?> result;
        String name = spec.file().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                result = SpreadsheetTable.read(spec.file(), in, RowType.of(type));
            }
        } else if (name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".ods")) {
            problems.add(new TableProblem(spec.file(), 0, null, "a table is a .csv or .xlsx file: save it as one of those"));
            return List.of();
        } else {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result = TableReader.read(spec.file(), in, RowType.of(type));
            }
        }
        problems.addAll(result.problems());
        for (String column : spec.unique()) {
            if (!RowType.of(type).columns().containsKey(column)) {
                problems.add(new TableProblem(TableManifest.PATH, spec.manifestLine(), "unique",
                        "table " + spec.name() + " has no column " + column));
                return List.of();
            }
        }
        problems.addAll(ValidityOverlaps.find(spec, result.rows()));
        result.rows().forEach(r -> lines.put(r.value(), r.line()));
        return new ArrayList<>(result.values());
    }

    /** The rows of every table that this claim's keys select, table by table in manifest order. */
    public List<Object> rowsFor(Claim claim) {
        Map<String, List<String>> keys = keys(claim);
        List<Object> out = new ArrayList<>();
        for (Table table : tables) {
            if (table.spec.match().isEmpty()) {
                out.addAll(table.rows);
                continue;
            }
            // The selection depends only on the claim's values of the table's keys: claims share
            // few combinations of them, so each is selected once and remembered (up to a bound).
            List<List<String>> values = table.keyValues(keys);
            List<Object> rows = table.selected.get(values);
            if (rows == null) {
                rows = select(table, keys);
                if (table.selected.size() < MAX_REMEMBERED) {
                    table.selected.put(values, rows);
                }
            }
            out.addAll(rows);
        }
        return out;
    }

    /** Selections remembered per table; past this many distinct key combinations, rows are selected each time. */
    private static final int MAX_REMEMBERED = 10_000;

    private static List<Object> select(Table table, Map<String, List<String>> keys) {
        List<TableManifest.Match> match = table.spec.match();
        List<Object> candidates = new ArrayList<>(table.anyFirstKey);
        Set<Object> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String key : match.get(0).keys()) {
            for (String value : keys.get(key)) {
                for (Object row : table.byFirstKey.getOrDefault(value, List.of())) {
                    if (seen.add(row)) {
                        candidates.add(row);
                    }
                }
            }
        }
        List<Object> matched = new ArrayList<>();
        int best = -1;
        for (Object row : candidates) {
            int specific = specificity(row, match, keys);
            if (specific < 0) {
                continue;
            }
            if (table.spec.mostSpecific() && specific > best) {
                matched.clear();
                best = specific;
            }
            if (!table.spec.mostSpecific() || specific == best) {
                matched.add(row);
            }
        }
        return List.copyOf(matched);
    }

    /** How many match cells of the row are filled, or -1 when a filled one does not match the claim. */
    private static int specificity(Object row, List<TableManifest.Match> match, Map<String, List<String>> keys) {
        int filled = 0;
        for (TableManifest.Match m : match) {
            List<String> values = cellValues(row, m);
            if (values.isEmpty()) {
                continue;
            }
            boolean hit = values.stream().anyMatch(v -> m.keys().stream().anyMatch(k -> keys.get(k).contains(v)));
            if (!hit) {
                return -1;
            }
            filled++;
        }
        return filled;
    }

    private static List<String> cellValues(Object row, TableManifest.Match m) {
        Object cell = RowType.get(row, m.column());
        List<String> values = new ArrayList<>();
        Collection<?> items = cell instanceof Collection<?> c ? c : cell == null ? List.of() : List.of(cell);
        for (Object v : items) {
            String text = v instanceof Enum<?> e ? e.name() : String.valueOf(v);
            if (!text.isBlank()) {
                values.add(m.keys().contains("diagnosis") ? DiagnosisCodes.normalize(text) : text);
            }
        }
        return values;
    }

    /**
     * The claim's values of each key, each value once, in the order the claim first names it. A
     * claim names a handful of values per key, so a list is cheaper than a set here.
     */
    private static Map<String, List<String>> keys(Claim claim) {
        Map<String, List<String>> keys = new HashMap<>();
        TableManifest.KEYS.forEach(k -> keys.put(k, new ArrayList<>(2)));
        List<String> codes = keys.get("procedureCode");
        List<String> modifiers = keys.get("modifier");
        for (ClaimLine line : claim.lines()) {
            addOnce(codes, line.procedureCode());
            line.modifiers().forEach(m -> addOnce(modifiers, m));
        }
        if (claim.diagnoses() != null) {
            List<String> diagnoses = keys.get("diagnosis");
            claim.diagnoses().forEach(d -> addOnce(diagnoses, DiagnosisCodes.normalize(d)));
        }
        add(keys, "profile", claim.profile());
        add(keys, "mac", claim.payer() == null ? null : claim.payer().mac());
        add(keys, "placeOfService", claim.placeOfService());
        add(keys, "role", claim.billingProvider() == null || claim.billingProvider().role() == null ? null
                : claim.billingProvider().role().name());
        return keys;
    }

    private static void add(Map<String, List<String>> keys, String key, String value) {
        if (value != null) {
            keys.get(key).add(value);
        }
    }

    private static void addOnce(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    public boolean knowsProfile(String profile) {
        return profiles.contains(profile);
    }

    public Set<String> profileNames() {
        return profiles;
    }

    /** Every row of a table (empty for a table the manifest does not list). */
    public List<Object> rows(String table) {
        return tables.stream().filter(t -> t.spec.name().equals(table)).findFirst().map(Table::rows).orElse(List.of());
    }

    /** The first row of a table whose column holds the value, or null. */
    public Object find(String table, String column, String value) {
        for (Object row : rows(table)) {
            if (value != null && value.equals(String.valueOf(RowType.get(row, column)))) {
                return row;
            }
        }
        return null;
    }

    /**
     * The folders under {@code tables/} whose tables decide, by procedure code, which claims their
     * rules see: for each row type of a table in such a folder matched on {@code procedureCode}, the
     * folders it belongs to. A claim that gets no row of them needs none of those folders' rules.
     */
    public Map<Class<?>, Set<String>> scopingRowTypes() {
        Map<Class<?>, Set<String>> scopes = new HashMap<>();
        for (Table table : tables) {
            String folder = table.spec.folder();
            boolean byCode = table.spec.match().stream().anyMatch(m -> m.keys().contains("procedureCode"));
            if (folder != null && byCode) {
                table.rows.forEach(r -> scopes.computeIfAbsent(r.getClass(), c -> new TreeSet<>()).add(folder));
            }
        }
        return scopes;
    }

    public List<TableManifest.Spec> specs() {
        return tables.stream().map(Table::spec).toList();
    }
}
