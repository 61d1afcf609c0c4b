package org.claimrules.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimrules.model.tables.DatedRow;

/**
 * Finds rows whose validity period is empty, and rows of one key (the manifest's unique columns)
 * whose validity periods overlap, so that a service date never selects two rows. A row without
 * validity dates is valid on every date.
 */
final class ValidityOverlaps {

    private ValidityOverlaps() {
    }

    static <T> List<TableProblem> find(TableManifest.Spec spec, List<TableReader.Row<T>> rows) {
        List<TableProblem> problems = new ArrayList<>();
        Map<String, List<TableReader.Row<T>>> byKey = new LinkedHashMap<>();
        for (TableReader.Row<T> row : rows) {
            if (row.value() instanceof DatedRow d && d.getValidFrom() != null && d.getValidTo() != null
                    && d.getValidFrom().isAfter(d.getValidTo())) {
                problems.add(new TableProblem(spec.file(), row.line(), "validTo", "validTo " + d.getValidTo()
                        + " is before validFrom " + d.getValidFrom() + " (validFrom is after validTo)"));
            }
            if (!spec.unique().isEmpty()) {
                String key = spec.unique().stream().map(c -> String.valueOf(RowType.get(row.value(), c)))
                        .collect(Collectors.joining(" "));
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<TableReader.Row<T>>> entry : byKey.entrySet()) {
            List<TableReader.Row<T>> same = entry.getValue();
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    if (overlap(same.get(i).value(), same.get(j).value())) {
                        problems.add(new TableProblem(spec.file(), same.get(j).line(), "validFrom",
                                "validity overlaps the row on line " + same.get(i).line()
                                        + " for the same key (" + entry.getKey() + ")"));
                    }
                }
            }
        }
        problems.sort(java.util.Comparator.comparingLong(TableProblem::line));
        return problems;
    }

    private static boolean overlap(Object a, Object b) {
        LocalDate aFrom = from(a);
        LocalDate aTo = to(a);
        LocalDate bFrom = from(b);
        LocalDate bTo = to(b);
        return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }

    private static LocalDate from(Object row) {
        return row instanceof DatedRow d && d.getValidFrom() != null ? d.getValidFrom() : LocalDate.MIN;
    }

    private static LocalDate to(Object row) {
        return row instanceof DatedRow d && d.getValidTo() != null ? d.getValidTo() : LocalDate.MAX;
    }
}
