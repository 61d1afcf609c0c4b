package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code claimrules validate DIR} on an exported ruleset, clean and broken in the ways an analyst
 * breaks one. The broken rules live in a file of the test's own, so that their lines are known.
 */
class ValidateCommandTest {

    private static final String HEADER = String.join("\n",
            "package rules.facet;",                                       // 1
            "",                                                           // 2
            "import org.claimrules.model.*;",                             // 3
            "import org.claimrules.model.facts.*;",                       // 4
            "import org.claimrules.model.tables.*;",                      // 5
            "import function org.claimrules.rules.Edits.edit;",           // 6
            "");                                                          // 7

    /** A rule starting on line 8; its constraint is on line 13 and its consequence on line 15. */
    private static String rule(String name, String metadata, String constraint, String consequence) {
        return HEADER + "\n" + String.join("\n",
                "rule \"" + name + "\"",                                  // 8
                "    " + metadata,                                        // 9
                "    @category(\"UNITS\") @message(\"many units on {$f.code}\")", // 10
                "    @reference(\"test\")",                               // 11
                "when",                                                   // 12
                "    " + constraint,                                      // 13
                "then",                                                   // 14
                "    " + consequence,                                     // 15
                "end",                                                    // 16
                "");
    }

    private static final String GOOD_METADATA = "@editId(\"XT-TEST-001\") @severity(\"WARN\")";
    private static final String GOOD_CONSTRAINT = "$f : FacetLine( line.units() > 7 )";
    private static final String GOOD_CONSEQUENCE = "edit(kcontext, $f.getLineNumber());";

    @TempDir
    Path tmp;

    @Test
    void theExportedBundledRulesetIsValid() {
        Path dir = Cli.export(tmp, "rules");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("valid"), run::toString);
    }

    @Test
    void aCopiedProfileWithoutPriorAuthorizationRowsIsAWarningNotAnError() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        Cli.Run clean = Cli.run("validate", dir.toString());
        assertFalse(clean.out().contains("warning"), clean::toString);
        append(dir.resolve("tables/profiles.csv"), "AETNA,A copy of COMMERCIAL");
        Path parameters = dir.resolve("tables/facet/profile-parameters.csv");
        String commercial = Files.readAllLines(parameters).stream().filter(l -> l.startsWith("COMMERCIAL,")).findFirst()
                .orElseThrow();
        append(parameters, commercial.replaceFirst("COMMERCIAL", "AETNA"));
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        List<String> warnings = run.out().lines().filter(l -> l.contains("warning")).toList();
        assertEquals(1, warnings.size(), run::toString);
        assertTrue(warnings.get(0).startsWith("tables/facet/prior-authorization.csv: ") && warnings.get(0).contains("AETNA"),
                run::toString);
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLineAndTheTablesAreStillChecked() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        write(dir, rule("XT-TEST-001 Test", GOOD_METADATA, "$f : FacetLine( line.units() > 7", GOOD_CONSEQUENCE));
        long badRow = append(dir.resolve("tables/fees.csv"), "64490,lots,50.00,1,test,,");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        // the parser notices the missing parenthesis at 'then', the line after it
        assertTrue(run.out().contains("rules/facet/analyst-test.drl:14"), run::toString);
        assertTrue(run.out().contains("tables/fees.csv:" + badRow), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void anUnknownFieldInAConstraintIsReportedAtItsLine() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        write(dir, rule("XT-TEST-001 Test", GOOD_METADATA, "$f : FacetLine( lineUnits > 7 )", GOOD_CONSEQUENCE));
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("rules/facet/analyst-test.drl:13"), run::toString);
        assertTrue(run.out().contains("lineUnits"), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void everyErrorOfAFileIsReportedNotOnlyTheFirst() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        // three rules of 9 lines each, starting on lines 8, 17 and 26: two conditions name unknown
        // fields (the compiler stops at the first of those) and one consequence calls an unknown method
        String first = rule("XT-TEST-001 First", GOOD_METADATA, "$f : FacetLine( lineUnits > 7 )", GOOD_CONSEQUENCE);
        String second = rule("XT-TEST-002 Second", "@editId(\"XT-TEST-002\") @severity(\"WARN\")",
                "$f : FacetLine( lineUnitz > 7 )", GOOD_CONSEQUENCE).substring(HEADER.length() + 1);
        String third = rule("XT-TEST-003 Third", "@editId(\"XT-TEST-003\") @severity(\"WARN\")", GOOD_CONSTRAINT,
                "edit(kcontext, $f.getProcedureKode());").substring(HEADER.length() + 1);
        write(dir, first + second + third);
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rules/facet/analyst-test.drl:13:") && l.contains("lineUnits")),
                run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rules/facet/analyst-test.drl:22:") && l.contains("lineUnitz")),
                run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rules/facet/analyst-test.drl:33:")
                && l.contains("getProcedureKode")), run::toString);
        assertTrue(run.out().contains("3 problems"), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void aTypeErrorInAConsequenceIsTracedFromGeneratedJavaToTheDrlLine() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        write(dir, rule("XT-TEST-001 Test", GOOD_METADATA, GOOD_CONSTRAINT,
                "edit(kcontext, $f.getProcedureKode());"));
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("rules/facet/analyst-test.drl:15"), run::toString);
        assertTrue(run.out().contains("XT-TEST-001"), run::toString);
        assertFalse(run.out().contains("LambdaConsequence"), "generated class names are not for analysts:\n" + run);
        assertFalse(run.out().contains("package rules.facet"), "generated source is not shown:\n" + run);
        assertNoStackTrace(run);
    }

    @Test
    void missingMetadataAndAReusedEditIdAreReportedAtTheRule() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        String first = rule("XT-TEST-001 Missing severity", "@editId(\"XT-TEST-001\")", GOOD_CONSTRAINT, GOOD_CONSEQUENCE);
        String second = rule("XT-TEST-003 Reuses the ID", "@editId(\"XT-TEST-003\") @severity(\"WARN\")",
                GOOD_CONSTRAINT, GOOD_CONSEQUENCE).substring(HEADER.length());
        String third = rule("XT-TEST-003 Owns the ID", "@editId(\"XT-TEST-003\") @severity(\"WARN\")",
                GOOD_CONSTRAINT, GOOD_CONSEQUENCE).substring(HEADER.length());
        write(dir, first + second + third);
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("rules/facet/analyst-test.drl:8: rule \"XT-TEST-001 Missing severity\""), run::toString);
        assertTrue(run.out().contains("@severity"), run::toString);
        assertTrue(run.out().contains("XT-TEST-003"), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("rules/facet/analyst-test.drl:")
                && l.contains("reuses edit ID XT-TEST-003")), run::toString);
    }

    @Test
    void tableRowsThatDoNotParseOverlappingDatesAndUnknownCodesAreAllReported() throws IOException {
        Path dir = Cli.export(tmp, "rules");
        Path fees = dir.resolve("tables/fees.csv");
        long badAmount = append(fees, "64490,lots,50.00,1,test,,");
        long overlap = append(fees, "64493,180.00,90.00,1,test,2026-01-01,");
        Path auth = dir.resolve("tables/facet/prior-authorization.csv");
        long unknownCode = append(auth, "TESTPROFILE,,,64493 99999,false,false,120,,");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tables/fees.csv:" + badAmount + ":") && l.contains("lots")),
                run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tables/fees.csv:" + overlap + ":")
                && l.contains("overlap")), run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tables/facet/prior-authorization.csv:" + unknownCode + ":")
                && l.contains("99999")), run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tables/facet/prior-authorization.csv:" + unknownCode + ":")
                && l.contains("TESTPROFILE")), run::toString);
    }

    @Test
    void aFolderWithoutRulesIsRefusedWithAPlainMessage() throws IOException {
        Cli.Run run = Cli.run("validate", Files.createDirectories(tmp.resolve("empty")).toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("rules/"), run::toString);
        assertNoStackTrace(run);
    }

    private static void write(Path ruleset, String drl) throws IOException {
        Files.writeString(ruleset.resolve("rules/facet/analyst-test.drl"), drl);
    }

    /** Appends a row and returns its line number. */
    private static long append(Path table, String row) throws IOException {
        String text = Files.readString(table);
        if (!text.endsWith("\n")) {
            Files.writeString(table, "\n", StandardOpenOption.APPEND);
        }
        Files.writeString(table, row + "\n", StandardOpenOption.APPEND);
        return Files.readAllLines(table).size();
    }

    static void assertNoStackTrace(Cli.Run run) {
        String all = run.out() + run.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception:"), "no stack trace expected:\n" + run);
    }
}
