package org.claimrules.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references the manifest declares between tables: a code or profile a row names must exist in
 * the table it refers to. A reference into a table that has problems of its own is not checked, so
 * that one bad cell is reported once, where it is, and not again in every table that names it.
 */
final class TableReferences {

    private TableReferences() {
    }

    static List<TableProblem> check(Map<String, List<Object>> rows, List<TableManifest.Spec> specs, Set<String> broken,
            Map<Object, Long> lines) {
        List<TableProblem> problems = new ArrayList<>();
        for (TableManifest.Spec spec : specs) {
            if (broken.contains(spec.name())) {
                continue;
            }
            for (TableManifest.Reference ref : spec.references()) {
                if (broken.contains(ref.table()) || !rows.containsKey(ref.table())) {
                    continue;
                }
                Set<String> known = new HashSet<>();
                for (Object target : rows.get(ref.table())) {
                    known.addAll(values(RowType.get(target, ref.targetColumn())));
                }
                String targetFile = specs.stream().filter(s -> s.name().equals(ref.table())).findFirst()
                        .map(TableManifest.Spec::file).orElse(ref.table());
                for (Object row : rows.get(spec.name())) {
                    for (String value : values(RowType.get(row, ref.column()))) {
                        if (!known.contains(value)) {
                            problems.add(new TableProblem(spec.file(), lines.getOrDefault(row, 0L), ref.column(),
                                    ref.column() + " " + value + " is not in " + targetFile + " (column " + ref.targetColumn() + ")"));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> values(Object cell) {
        List<String> out = new ArrayList<>();
        Collection<?> items = cell instanceof Collection<?> c ? c : cell == null ? List.of() : List.of(cell);
        for (Object v : items) {
            String text = String.valueOf(v);
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }
}
