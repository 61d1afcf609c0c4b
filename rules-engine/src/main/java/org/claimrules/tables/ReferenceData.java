package org.claimrules.tables;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimrules.model.tables.CodeListEntry;
import org.claimrules.model.tables.CoveredDiagnosis;
import org.claimrules.model.tables.FacetCode;
import org.claimrules.model.tables.Fee;
import org.claimrules.model.tables.JunctionRule;
import org.claimrules.model.tables.PlaceOfService;
import org.claimrules.model.tables.PriorAuthRequirement;
import org.claimrules.model.tables.ProfileParameters;

/**
 * The data tables of a ruleset, indexed by the keys the fact assembler looks them up with. Rows
 * are selected by key here; the rules select them by service date. Immutable once loaded.
 */
public final class ReferenceData {

    public static final TableSpec<ProfileParameters> PROFILES = new TableSpec<>(
            "tables/facet/profile-parameters.csv", ProfileParameters.class, ProfileParameters::profile);
    public static final TableSpec<FacetCode> FACET_CODES = new TableSpec<>(
            "tables/facet/code-families.csv", FacetCode.class, FacetCode::code);
    public static final TableSpec<CodeListEntry> CODE_LISTS = new TableSpec<>(
            "tables/facet/code-lists.csv", CodeListEntry.class, r -> r.list() + " " + r.code());
    public static final TableSpec<CoveredDiagnosis> COVERED_DIAGNOSES = new TableSpec<>(
            "tables/facet/covered-diagnoses.csv", CoveredDiagnosis.class, r -> r.key() + " " + r.region());
    public static final TableSpec<PriorAuthRequirement> PRIOR_AUTH = new TableSpec<>(
            "tables/facet/prior-authorization.csv", PriorAuthRequirement.class,
            r -> r.profile() + " " + r.roles() + " " + r.placesOfService());
    public static final TableSpec<JunctionRule> JUNCTION = new TableSpec<>(
            "tables/facet/thoracolumbar-junction.csv", JunctionRule.class,
            r -> blankToAny(r.profile()) + " " + blankToAny(r.mac()));
    public static final TableSpec<Fee> FEES = new TableSpec<>("tables/fees.csv", Fee.class, Fee::code);
    public static final TableSpec<PlaceOfService> PLACES = new TableSpec<>(
            "tables/places-of-service.csv", PlaceOfService.class, null);

    public static final List<TableSpec<?>> ALL =
            List.of(PROFILES, FACET_CODES, CODE_LISTS, COVERED_DIAGNOSES, PRIOR_AUTH, JUNCTION, FEES, PLACES);

    private final Map<String, List<ProfileParameters>> profiles;
    private final Map<String, List<FacetCode>> facetCodes;
    private final Map<String, List<CodeListEntry>> codeLists;
    private final Map<String, List<CoveredDiagnosis>> coveredDiagnoses;
    private final Map<String, List<PriorAuthRequirement>> priorAuth;
    private final List<JunctionRule> junction;
    private final Map<String, List<Fee>> fees;
    private final Map<String, PlaceOfService> places;

    private ReferenceData(Map<TableSpec<?>, List<?>> tables) {
        profiles = index(rows(tables, PROFILES), ProfileParameters::profile);
        facetCodes = index(rows(tables, FACET_CODES), FacetCode::code);
        codeLists = index(rows(tables, CODE_LISTS), CodeListEntry::code);
        coveredDiagnoses = index(rows(tables, COVERED_DIAGNOSES), CoveredDiagnosis::key);
        priorAuth = index(rows(tables, PRIOR_AUTH), PriorAuthRequirement::profile);
        junction = List.copyOf(rows(tables, JUNCTION));
        fees = index(rows(tables, FEES), Fee::code);
        places = rows(tables, PLACES).stream()
                .collect(Collectors.toUnmodifiableMap(PlaceOfService::code, p -> p, (a, b) -> a));
    }

    /** The tables read from a ruleset folder, and every problem found in them. */
    public record Loaded(ReferenceData data, List<TableProblem> problems) {
    }

    public static Loaded load(Path root) throws IOException {
        Map<TableSpec<?>, List<?>> tables = new LinkedHashMap<>();
        Map<Object, Long> lines = new IdentityHashMap<>();
        List<TableProblem> problems = new ArrayList<>();
        for (TableSpec<?> spec : ALL) {
            problems.addAll(readInto(root, spec, tables, lines));
        }
        ReferenceData data = new ReferenceData(tables);
        problems.addAll(data.crossChecks(lines));
        return new Loaded(data, problems);
    }

    private static <T extends Record> List<TableProblem> readInto(Path root, TableSpec<T> spec,
            Map<TableSpec<?>, List<?>> tables, Map<Object, Long> lines) throws IOException {
        Path file = root.resolve(spec.path());
        if (!Files.exists(file)) {
            tables.put(spec, List.of());
            return List.of(new TableProblem(spec.path(), 0, null, "table is missing"));
        }
        TableReader.Result<T> result;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = TableReader.read(spec.path(), in, spec.type());
        }
        tables.put(spec, result.values());
        result.rows().forEach(row -> lines.put(row.value(), row.line()));
        List<TableProblem> problems = new ArrayList<>(result.problems());
        if (spec.key() != null) {
            problems.addAll(ValidityOverlaps.find(spec, result.rows()));
        }
        return problems;
    }

    /** References between tables: codes and profiles a row names must exist. {@code lines}: each row's line. */
    private List<TableProblem> crossChecks(Map<Object, Long> lines) {
        List<TableProblem> problems = new ArrayList<>();
        for (List<PriorAuthRequirement> rows : priorAuth.values()) {
            for (PriorAuthRequirement row : rows) {
                for (String code : row.codes()) {
                    if (!facetCodes.containsKey(code)) {
                        problems.add(new TableProblem(PRIOR_AUTH.path(), lines.getOrDefault(row, 0L), "codes", "profile " + row.profile()
                                + " requires authorization for " + code + ", which is not in "
                                + FACET_CODES.path()));
                    }
                }
                if (!profiles.containsKey(row.profile())) {
                    problems.add(new TableProblem(PRIOR_AUTH.path(), lines.getOrDefault(row, 0L), "profile",
                            "unknown profile " + row.profile() + " (not in " + PROFILES.path() + ")"));
                }
            }
        }
        for (List<FacetCode> rows : facetCodes.values()) {
            for (FacetCode code : rows) {
                for (String other : new String[] {code.primaryCode(), code.requiresCode()}) {
                    if (other != null && !facetCodes.containsKey(other)) {
                        problems.add(new TableProblem(FACET_CODES.path(), lines.getOrDefault(code, 0L), "code", code.code()
                                + " refers to " + other + ", which is not in the table"));
                    }
                }
            }
        }
        for (JunctionRule row : junction) {
            if (row.profile() != null && !row.profile().isBlank() && !profiles.containsKey(row.profile())) {
                problems.add(new TableProblem(JUNCTION.path(), lines.getOrDefault(row, 0L), "profile",
                        "unknown profile " + row.profile() + " (not in " + PROFILES.path() + ")"));
            }
            for (String code : new String[] {row.primaryCode(), row.addOnCode()}) {
                if (code != null && !facetCodes.containsKey(code)) {
                    problems.add(new TableProblem(JUNCTION.path(), lines.getOrDefault(row, 0L), "code",
                            code + " is not in " + FACET_CODES.path()));
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> List<T> rows(Map<TableSpec<?>, List<?>> tables, TableSpec<T> spec) {
        return (List<T>) tables.getOrDefault(spec, List.of());
    }

    private static <T> Map<String, List<T>> index(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key,
                LinkedHashMap::new, Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
    }

    private static String blankToAny(String value) {
        return value == null || value.isBlank() ? "*" : value;
    }

    public boolean knowsProfile(String profile) {
        return profiles.containsKey(profile);
    }

    public Set<String> profileNames() {
        return Collections.unmodifiableSet(new TreeSet<>(profiles.keySet()));
    }

    public List<ProfileParameters> profile(String profile) {
        return profiles.getOrDefault(profile, List.of());
    }

    public List<FacetCode> facetCode(String code) {
        return facetCodes.getOrDefault(code, List.of());
    }

    public boolean isFacetCode(String code) {
        return facetCodes.containsKey(code);
    }

    public List<CodeListEntry> codeListEntries(String codeOrModifier) {
        return codeLists.getOrDefault(codeOrModifier, List.of());
    }

    public List<CoveredDiagnosis> coveredDiagnosis(String normalizedCode) {
        return coveredDiagnoses.getOrDefault(normalizedCode, List.of());
    }

    public List<PriorAuthRequirement> priorAuthorization(String profile) {
        return priorAuth.getOrDefault(profile, List.of());
    }

    public List<Fee> fees(String code) {
        return fees.getOrDefault(code, List.of());
    }

    public PlaceOfService placeOfService(String code) {
        return places.get(code);
    }

    /**
     * The thoracolumbar junction rows of the most specific match for a profile and contractor:
     * profile and contractor, then profile alone, then any.
     */
    public List<JunctionRule> junctionRules(String profile, String mac) {
        for (int specificity = 3; specificity >= 0; specificity--) {
            int wanted = specificity;
            List<JunctionRule> rows = junction.stream()
                    .filter(r -> matches(r.profile(), profile) && matches(r.mac(), mac))
                    .filter(r -> specificityOf(r) == wanted)
                    .toList();
            if (!rows.isEmpty()) {
                return rows;
            }
        }
        return List.of();
    }

    private static int specificityOf(JunctionRule r) {
        return (isBlank(r.profile()) ? 0 : 2) + (isBlank(r.mac()) ? 0 : 1);
    }

    private static boolean matches(String pattern, String value) {
        return isBlank(pattern) || pattern.equals(value);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
