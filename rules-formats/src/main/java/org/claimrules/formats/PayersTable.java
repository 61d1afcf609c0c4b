package org.claimrules.formats;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.model.Payer;
import org.claimrules.tables.TableProblem;
import org.claimrules.tables.TableReader;

/**
 * The {@code payers} data table of a ruleset: which payer profile and Medicare contractor a payer
 * ID stands for, by date. Analysts edit it like any table; {@link #problems} is what
 * {@code claimrules validate} reports for it. It is not in the table manifest: no rule reads it
 * (the manifest's tables are facts of every session), only the 837P and FHIR readers do.
 */
public final class PayersTable {

    public static final String PATH = "tables/payers.csv";

    private final Map<String, List<PayerRow>> byId;

    private PayersTable(List<PayerRow> rows) {
        Map<String, List<PayerRow>> index = new LinkedHashMap<>();
        for (PayerRow row : rows) {
            index.computeIfAbsent(row.payerId(), k -> new ArrayList<>()).add(row);
        }
        this.byId = index;
    }

    /** The table of a ruleset folder (or the bundled ruleset's root); a missing file is an empty table. */
    public static PayersTable load(Path rulesetRoot) throws IOException {
        Path file = rulesetRoot.resolve(PATH);
        if (!Files.exists(file)) {
            return new PayersTable(List.of());
        }
        return new PayersTable(read(file).values());
    }

    /** A table of the given rows, for tests and embedding code. */
    public static PayersTable of(List<PayerRow> rows) {
        return new PayersTable(rows);
    }

    /** The payer a payer ID stands for on {@code date}, or null when no row is valid then. */
    public Payer lookup(String payerId, LocalDate date) {
        if (payerId == null) {
            return null;
        }
        for (PayerRow row : byId.getOrDefault(payerId.trim(), List.of())) {
            if (row.validOn(date)) {
                return new Payer(row.profile(), blankToNull(row.mac()));
            }
        }
        return null;
    }

    /**
     * Every problem of the table in a ruleset folder: rows that do not parse, missing payer IDs or
     * profiles, profiles not in {@code knownProfiles} (the ruleset's; null when they are not known
     * because the ruleset does not load), and overlapping validity for one payer ID.
     */
    public static List<TableProblem> problems(Path rulesetRoot, Set<String> knownProfiles) {
        Path file = rulesetRoot.resolve(PATH);
        if (!Files.exists(file)) {
            return List.of(new TableProblem(PATH, 0, null, "table is missing"));
        }
        try {
            TableReader.Result<PayerRow> result = read(file);
            List<TableProblem> problems = new ArrayList<>(result.problems());
            Map<String, List<TableReader.Row<PayerRow>>> byId = new LinkedHashMap<>();
            for (TableReader.Row<PayerRow> row : result.rows()) {
                PayerRow p = row.value();
                if (p.payerId() == null) {
                    problems.add(new TableProblem(PATH, row.line(), "payerId", "payerId is required"));
                    continue;
                }
                if (p.profile() == null) {
                    problems.add(new TableProblem(PATH, row.line(), "profile", "profile is required"));
                } else if (knownProfiles != null && !knownProfiles.contains(p.profile())) {
                    problems.add(new TableProblem(PATH, row.line(), "profile", "unknown profile " + p.profile()
                            + "; known: " + String.join(", ", knownProfiles)));
                }
                if (p.validFrom() != null && p.validTo() != null && p.validFrom().isAfter(p.validTo())) {
                    problems.add(new TableProblem(PATH, row.line(), "validTo",
                            "validTo " + p.validTo() + " is before validFrom " + p.validFrom()));
                }
                for (TableReader.Row<PayerRow> earlier : byId.getOrDefault(p.payerId(), List.of())) {
                    if (overlap(earlier.value(), p)) {
                        problems.add(new TableProblem(PATH, row.line(), "validFrom", "validity overlaps the row on line "
                                + earlier.line() + " for the same payerId (" + p.payerId() + ")"));
                    }
                }
                byId.computeIfAbsent(p.payerId(), k -> new ArrayList<>()).add(row);
            }
            return problems;
        } catch (IOException e) {
            return List.of(new TableProblem(PATH, 0, null, "cannot be read: " + e.getMessage()));
        }
    }

    /** {@link #problems} as the ruleset loader reports table problems, for {@code claimrules validate}. */
    public static List<org.claimrules.engine.RulesetProblem> rulesetProblems(Path rulesetRoot, Set<String> knownProfiles) {
        return problems(rulesetRoot, knownProfiles).stream().map(p -> new org.claimrules.engine.RulesetProblem(p.file(),
                p.line() > 0 ? p.line() : null, null, (p.column() != null ? "column " + p.column() + ": " : "") + p.message()))
                .toList();
    }

    private static TableReader.Result<PayerRow> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return TableReader.read(PATH, in, PayerRow.class);
        }
    }

    private static boolean overlap(PayerRow a, PayerRow b) {
        LocalDate aFrom = a.validFrom() == null ? LocalDate.MIN : a.validFrom();
        LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bFrom = b.validFrom() == null ? LocalDate.MIN : b.validFrom();
        LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
