package org.claimrules.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimrules.model.tables.Dated;

/**
 * Finds rows whose validity period is empty, and rows of one key whose validity periods overlap,
 * so that a service date never selects two rows.
 */
final class ValidityOverlaps {

    private ValidityOverlaps() {
    }

    static <T extends Record> List<TableProblem> find(TableSpec<T> spec, List<TableReader.Row<T>> rows) {
        List<TableProblem> problems = new ArrayList<>();
        Map<String, List<TableReader.Row<T>>> byKey = new LinkedHashMap<>();
        for (TableReader.Row<T> row : rows) {
            if (row.value() instanceof Dated d && d.validFrom() != null && d.validTo() != null
                    && d.validFrom().isAfter(d.validTo())) {
                problems.add(new TableProblem(spec.path(), row.line(), "validTo",
                        "validTo " + d.validTo() + " is before validFrom " + d.validFrom() + " (validFrom is after validTo)"));
            }
            byKey.computeIfAbsent(spec.key().apply(row.value()), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<TableReader.Row<T>>> entry : byKey.entrySet()) {
            List<TableReader.Row<T>> same = entry.getValue();
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    if (same.get(i).value() instanceof Dated a && same.get(j).value() instanceof Dated b
                            && overlap(a, b)) {
                        problems.add(new TableProblem(spec.path(), same.get(j).line(), "validFrom",
                                "validity overlaps the row on line " + same.get(i).line()
                                        + " for the same key (" + entry.getKey() + ")"));
                    }
                }
            }
        }
        problems.sort(java.util.Comparator.comparingLong(TableProblem::line));
        return problems;
    }

    private static boolean overlap(Dated a, Dated b) {
        LocalDate aFrom = a.validFrom() == null ? LocalDate.MIN : a.validFrom();
        LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bFrom = b.validFrom() == null ? LocalDate.MIN : b.validFrom();
        LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }
}
