package org.claimrules.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.model.Claim;
import org.claimrules.io.ClaimReader;
import org.junit.jupiter.api.Test;

class BundledTablesTest {

    private static final ClassLoader RULES = RulesetLoader.class.getClassLoader();

    @Test
    void everyBundledTableRowParsesWithValidDates() throws Exception {
        Tables.Loaded loaded = Tables.load(RulesetLoader.bundledRoot(), RULES);
        assertEquals(List.of(), loaded.problems());
        assertTrue(loaded.tables().knowsProfile("MEDICARE"));
        assertTrue(loaded.tables().knowsProfile("COMMERCIAL"));
    }

    @Test
    void aClaimGetsTheRowsItsCodesDiagnosesAndProfileSelect() throws Exception {
        Tables tables = Tables.load(RulesetLoader.bundledRoot(), RULES).tables();
        Claim claim = medicareClaim("\"M47816\"", line(1, "64493", ""));
        List<String> selected = describe(tables.rowsFor(claim));
        assertTrue(selected.contains("FacetCode 64493"), selected::toString);
        assertTrue(selected.stream().noneMatch(s -> s.equals("FacetCode 64490")), selected::toString);
        assertTrue(selected.contains("CoveredDiagnosis M47.816"), "diagnoses match without the dot: " + selected);
        assertTrue(selected.contains("FacetParameters MEDICARE"), selected::toString);
        assertTrue(selected.stream().noneMatch(s -> s.equals("FacetParameters COMMERCIAL")), selected::toString);
        // the junction table keeps only its most specific rows: MEDICARE with CGS_J15 over the blank row
        assertEquals(List.of("JunctionRule MEDICARE"),
                selected.stream().filter(s -> s.startsWith("JunctionRule")).toList());
    }

    @Test
    void aRememberedSelectionIsTheSelectionOfThoseKeysOnly() throws Exception {
        Tables tables = Tables.load(RulesetLoader.bundledRoot(), RULES).tables();
        String template = """
                {"claimId":"T-1","payer":{"profile":"PROFILE","mac":"CGS_J15"},
                 "billingProvider":{"role":"PRACTITIONER"},"placeOfService":"11","patient":{"memberId":"M-1"},
                 "diagnoses":["M47816"],
                 "lines":[{"lineNumber":1,"procedureCode":"CODE","units":1,"serviceDate":"2026-03-02"}]}""".replace("\n", "");
        Claim medicare = ClaimReader.read(template.replace("PROFILE", "MEDICARE").replace("CODE", "64493"), 1).claim();
        Claim commercial = ClaimReader.read(template.replace("PROFILE", "COMMERCIAL").replace("CODE", "64493"), 1).claim();
        Claim otherCode = ClaimReader.read(template.replace("PROFILE", "MEDICARE").replace("CODE", "64490"), 1).claim();
        List<Object> first = tables.rowsFor(medicare);
        List<Object> ofCommercial = tables.rowsFor(commercial);
        List<Object> ofOtherCode = tables.rowsFor(otherCode);
        // asked again, after other claims were selected for, the same rows in the same order
        assertEquals(first, tables.rowsFor(medicare));
        assertTrue(describe(ofCommercial).contains("FacetParameters COMMERCIAL"), describe(ofCommercial)::toString);
        assertTrue(describe(ofCommercial).stream().noneMatch(s -> s.equals("FacetParameters MEDICARE")));
        assertTrue(describe(ofOtherCode).contains("FacetCode 64490"), describe(ofOtherCode)::toString);
        assertTrue(describe(ofOtherCode).stream().noneMatch(s -> s.equals("FacetCode 64493")));
    }

    @Test
    void aCodeOnTwoLinesAndADiagnosisWithAndWithoutItsDotSelectEachRowOnce() throws Exception {
        Tables tables = Tables.load(RulesetLoader.bundledRoot(), RULES).tables();
        Claim once = medicareClaim("\"M47816\"", line(1, "64493", "\"RT\""));
        Claim twice = medicareClaim("\"M47816\",\"M47.816\"", line(1, "64493", "\"RT\"") + "," + line(2, "64493", "\"RT\""));
        List<Object> rows = tables.rowsFor(twice);
        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(rows);
        assertEquals(rows.size(), distinct.size(), () -> "a row selected twice: " + describe(rows));
        assertEquals(tables.rowsFor(once), rows);
    }

    /** A Medicare practitioner claim (CGS, office) with these diagnoses and lines, as JSON lists' contents. */
    private static Claim medicareClaim(String diagnoses, String lines) {
        return ClaimReader.read("{\"claimId\":\"T-1\",\"payer\":{\"profile\":\"MEDICARE\",\"mac\":\"CGS_J15\"},"
                + "\"billingProvider\":{\"role\":\"PRACTITIONER\"},\"placeOfService\":\"11\",\"patient\":{\"memberId\":\"M-1\"},"
                + "\"diagnoses\":[" + diagnoses + "],\"lines\":[" + lines + "]}", 1).claim();
    }

    private static String line(int number, String code, String modifiers) {
        return "{\"lineNumber\":" + number + ",\"procedureCode\":\"" + code + "\",\"modifiers\":[" + modifiers
                + "],\"units\":1,\"serviceDate\":\"2026-03-02\"}";
    }

    private static List<String> describe(List<Object> rows) {
        return rows.stream().map(r -> r.getClass().getSimpleName() + " " + RowType.properties(r).getOrDefault("code",
                RowType.properties(r).getOrDefault("profile", RowType.properties(r).get("mac")))).toList();
    }

    @Test
    void aRowThatDoesNotParseIsReportedWithFileLineAndColumn() throws Exception {
        String csv = "\uFEFFcode,region,level,addOn,primaryCode,requiresCode,description,validFrom,validTo\n"
                + "64490,CERVICAL_THORACIC,1,false,,,ok,,\n"
                + "64491,CERVICAL_THORACIC,two,true,64490,,bad level,2026-13-01,\n";
        TableReader.Result<?> result = TableReader.read("tables/facet/code-families.csv", new StringReader(csv),
                RowType.of(Class.forName("rules.facet.FacetCode", true, RULES)));
        assertEquals(1, result.rows().size(), "a byte order mark before the header is not part of the first column");
        assertEquals(2, result.problems().size());
        TableProblem level = result.problems().get(0);
        assertEquals(3, level.line());
        assertEquals("level", level.column());
        assertEquals("validFrom", result.problems().get(1).column());
    }

    @Test
    void overlappingValidityForTheSameKeyIsReported() throws Exception {
        String csv = "code,nonFacility,facility,bilateralIndicator,source,validFrom,validTo\n"
                + "64493,172.08,88.31,1,a,2026-01-01,2026-12-31\n"
                + "64493,180.00,90.00,1,b,2026-06-01,\n"
                + "64494,87.98,49.17,1,c,2027-01-01,2026-12-31\n";
        TableReader.Result<?> result = TableReader.read("tables/fees.csv", new StringReader(csv),
                RowType.of(Class.forName("rules.shared.Fee", true, RULES)));
        TableManifest.Spec spec = new TableManifest.Spec("fees", "tables/fees.csv", "rules.shared.Fee", List.of(),
                false, List.of("code"), List.of(), 1);
        List<TableProblem> problems = ValidityOverlaps.find(spec, result.rows());
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(1).message().contains("after"), problems.get(1).message());
    }
}
