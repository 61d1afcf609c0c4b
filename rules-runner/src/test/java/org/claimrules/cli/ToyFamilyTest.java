package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new procedure family is only rules, tables and scenarios: this test writes one (a toy family
 * with a unit limit per code, its own declared table row type and manifest row) into an exported
 * ruleset, and takes it through validate, test, score and catalog with no Java.
 */
class ToyFamilyTest {

    @TempDir
    Path tmp;

    private static final String DRL = """
            // A toy family: units billed above the table's limit for the code are denied.
            package rules.toy;

            import org.claimrules.model.facts.*;
            import org.claimrules.model.tables.DatedRow;
            import function org.claimrules.rules.Edits.edit;

            declare UnitLimit extends DatedRow
                code : String
                maxUnits : int
            end

            rule "TK-UNIT-001 More units than the code allows"
                @editId("TK-UNIT-001") @severity("DENY") @category("UNITS")
                @groupCode("CO") @carc("151") @reference("toy payer policy, unit limits")
                @message("{$l.procedureCode} on line {$l.lineNumber} is billed with {$l.units} units; at most {$max} {$max|is|are} covered")
            when
                $l : Line( $code : procedureCode, $date : serviceDate )
                UnitLimit( code == $code, validOn($date), $max : maxUnits, $max < $l.units() )
            then
                edit(kcontext, $l.lineNumber());
            end
            """;

    private static String scenario(String id, int units, String expect) {
        return """
                {
                  "description": "toy family: 20610 with %d units",
                  "base": "commercial-lumbar-diagnostic",
                  "claim": {
                    "claimId": "%s",
                    "lines": [{"lineNumber": 1, "procedureCode": "20610", "units": %d, "serviceDate": "2026-03-02", "diagnosisPointers": [1]}]
                  },
                  "expect": %s
                }
                """.formatted(units, id, units, expect);
    }

    @Test
    void aFamilyAddedAsRulesTablesAndScenariosRunsThroughEveryCommand() throws IOException {
        Path rules = Cli.export(tmp, "with-toy");
        Files.createDirectories(rules.resolve("rules/toy"));
        Files.writeString(rules.resolve("rules/toy/units.drl"), DRL);
        Files.createDirectories(rules.resolve("tables/toy"));
        Files.writeString(rules.resolve("tables/toy/unit-limits.csv"), "code,maxUnits,validFrom,validTo\n20610,1,2026-01-01,\n");
        Files.writeString(rules.resolve("tables/manifest.csv"),
                "toy-unit-limits,tables/toy/unit-limits.csv,rules.toy.UnitLimit,code=procedureCode,all,code,\n",
                StandardOpenOption.APPEND);
        Path scenarios = Files.createDirectories(rules.resolve("scenarios/toy/TK-UNIT-001"));
        Files.writeString(scenarios.resolve("fires-above-the-limit.json"), scenario("TOY-F", 2,
                "{\"disposition\": \"DENY\", \"edits\": [{\"editId\": \"TK-UNIT-001\", \"lineNumber\": 1}]}"));
        Files.writeString(scenarios.resolve("silent-at-the-limit.json"), scenario("TOY-S", 1,
                "{\"disposition\": \"ACCEPT\", \"edits\": []}"));

        Cli.Run validate = Cli.run("validate", rules.toString());
        assertEquals(ExitCodes.OK, validate.exit(), validate::toString);

        Cli.Run test = Cli.run("test", rules.toString());
        assertEquals(ExitCodes.OK, test.exit(), test::toString);
        // the toy scenarios are run: a wrong expectation among them fails the run and is named
        Path wrong = scenarios.resolve("wrong-expectation.json");
        Files.writeString(wrong, scenario("TOY-W", 2, "{\"disposition\": \"ACCEPT\", \"edits\": []}"));
        Cli.Run failing = Cli.run("test", rules.toString());
        assertEquals(ExitCodes.SOME_ERRORS, failing.exit(), failing::toString);
        assertTrue((failing.out() + failing.err()).contains("wrong-expectation"), failing::toString);
        Files.delete(wrong);

        Path claims = tmp.resolve("claims.jsonl");
        Files.writeString(claims, """
                {"claimId":"T-1","payer":{"profile":"COMMERCIAL"},"billingProvider":{"role":"PRACTITIONER"},"placeOfService":"11","patient":{"memberId":"M-T1"},"diagnoses":["M17.11"],"lines":[{"lineNumber":1,"procedureCode":"20610","units":3,"serviceDate":"2026-03-02"}]}
                {"claimId":"T-2","payer":{"profile":"COMMERCIAL"},"billingProvider":{"role":"PRACTITIONER"},"placeOfService":"11","patient":{"memberId":"M-T2"},"diagnoses":["M17.11"],"lines":[{"lineNumber":1,"procedureCode":"20610","units":3,"serviceDate":"2025-12-30"}]}
                """);
        Path results = tmp.resolve("results.jsonl");
        Cli.Run score = Cli.run("score", "--rules", rules.toString(), "--input", claims.toString(), "--output", results.toString());
        assertEquals(ExitCodes.OK, score.exit(), score::toString);
        String[] lines = Files.readString(results).split("\n");
        assertTrue(lines[0].contains("\"editId\":\"TK-UNIT-001\"") && lines[0].contains("at most 1 is covered"), lines[0]);
        assertTrue(!lines[1].contains("TK-UNIT-001"), "the limit row is valid from 2026-01-01 by service date: " + lines[1]);

        Cli.Run catalog = Cli.run("catalog", "--rules", rules.toString(), "--format", "csv");
        assertEquals(ExitCodes.OK, catalog.exit(), catalog::toString);
        assertTrue(catalog.out().contains("TK-UNIT-001"), catalog::toString);
    }

    @Test
    void aRowTypeNoRuleDeclaresIsReportedOnTheManifestLine() throws IOException {
        Path rules = Cli.export(tmp, "undeclared");
        Files.writeString(rules.resolve("tables/manifest.csv"),
                "toy-unit-limits,tables/fees.csv,rules.toy.Missing,,all,,\n", StandardOpenOption.APPEND);
        Cli.Run validate = Cli.run("validate", rules.toString());
        assertEquals(ExitCodes.RULESET, validate.exit(), validate::toString);
        assertTrue((validate.out() + validate.err()).contains("tables/manifest.csv:"), validate::toString);
        assertTrue((validate.out() + validate.err()).contains("rules.toy.Missing"), validate::toString);
    }
}
