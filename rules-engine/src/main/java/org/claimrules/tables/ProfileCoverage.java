package org.claimrules.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns when a payer profile gets no row of a table that every reference profile (the bundled
 * ruleset's, where the folder lists them) has rows in: a profile copied as data whose rows of
 * another table were forgotten. The tables keyed by profile come from the manifest: those matched
 * on the claim's {@code profile}, or whose column refers to the profiles table. A row whose
 * profile cell is blank applies to every profile.
 */
public final class ProfileCoverage {

    private ProfileCoverage() {
    }

    /** A warning per profile and table; {@code reference} empty means no check. */
    public static List<TableProblem> missingRows(Tables tables, Set<String> reference) {
        List<TableProblem> warnings = new ArrayList<>();
        Set<String> compared = new TreeSet<>(reference);
        compared.retainAll(tables.profileNames());
        if (compared.isEmpty()) {
            return warnings;
        }
        for (TableManifest.Spec spec : tables.specs()) {
            List<String> columns = profileColumns(spec);
            if (spec.name().equals(Tables.PROFILES) || columns.isEmpty()) {
                continue;
            }
            Set<String> named = new TreeSet<>();
            boolean anyProfile = false;
            for (Object row : tables.rows(spec.name())) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.addAll(values(RowType.get(row, column)));
                }
                anyProfile |= values.isEmpty();
                named.addAll(values);
            }
            if (anyProfile || !named.containsAll(compared)) {
                continue;
            }
            for (String profile : tables.profileNames()) {
                if (!named.contains(profile)) {
                    warnings.add(new TableProblem(spec.file(), 0, null, "profile " + profile
                            + " has no row in this table, which every bundled profile (" + String.join(", ", compared)
                            + ") has rows in: its claims get none of them"));
                }
            }
        }
        return warnings;
    }

    /** The columns of a table that name a profile: matched on the claim's profile, or referring to the profiles table. */
    private static List<String> profileColumns(TableManifest.Spec spec) {
        List<String> columns = new ArrayList<>();
        for (TableManifest.Match m : spec.match()) {
            if (m.keys().contains("profile") && !columns.contains(m.column())) {
                columns.add(m.column());
            }
        }
        for (TableManifest.Reference r : spec.references()) {
            if (r.table().equals(Tables.PROFILES) && !columns.contains(r.column())) {
                columns.add(r.column());
            }
        }
        return columns;
    }

    private static List<String> values(Object cell) {
        List<String> out = new ArrayList<>();
        Collection<?> items = cell instanceof Collection<?> c ? c : cell == null ? List.of() : List.of(cell);
        for (Object v : items) {
            String text = v instanceof Enum<?> e ? e.name() : String.valueOf(v);
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }
}
