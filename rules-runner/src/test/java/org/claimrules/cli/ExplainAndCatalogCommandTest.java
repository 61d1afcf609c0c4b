package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain} and {@code catalog}, on the bundled ruleset and on a copy an analyst added a rule to. */
class ExplainAndCatalogCommandTest {

    @TempDir
    static Path tmp;
    static Path withRule;

    @BeforeAll
    static void rulesetWithAnAddedRule() {
        withRule = Cli.export(tmp, "rules");
        Cli.resource("frequency-test-rule.drl", withRule.resolve("rules/facet/analyst-added.drl"));
    }

    @Test
    void explainNamesTheRuleAndTheProfileParameterItCompared() throws IOException {
        Path claim = tmp.resolve("c1001.json");
        Files.writeString(claim, Files.readAllLines(Cli.resource("claims.jsonl", tmp.resolve("claims.jsonl"))).get(0));
        Cli.Run run = Cli.run("explain", "--input", claim.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("FJ-UNIT-003 on line 3"), run::toString);
        assertTrue(run.out().contains("rules/facet/units.drl:"), run::toString);
        assertTrue(run.out().contains("maxLevelsPerSession = 2"), run::toString);
        assertTrue(run.out().contains("facet line 3: 64495"), run::toString);
    }

    @Test
    void explainShowsTheSessionCountItsWindowAndTheHistoryBehindIt() {
        Path claim = Cli.resource("frequent-claim.json", tmp.resolve("frequent-claim.json"));
        Cli.Run run = Cli.run("explain", "--input", claim.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.contains("FJ-FREQ-001 on line 1"), run::toString);
        assertTrue(out.contains("rules/facet/frequency.drl:"), run::toString);
        // the history entry of 2025-03-02 is exactly 12 months back: outside the window
        assertTrue(out.contains("5 diagnostic sessions in LUMBAR_SACRAL in the rolling 12 months after 2025-03-02"), run::toString);
        assertTrue(out.contains("diagnosticSessionsPer12Months = 4"), run::toString);
        assertTrue(out.contains("history claim C-0904"), "the derivation shows the sessions counted:\n" + run);
    }

    @Test
    void explainOfAClaimThatCannotBeReadIsNotAStackTrace() throws IOException {
        Path claim = tmp.resolve("broken.json");
        Files.writeString(claim, "{\"claimId\": \"C-9\", \"lines\": [");
        Cli.Run run = Cli.run("explain", "--input", claim.toString());
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        ValidateCommandTest.assertNoStackTrace(run);
    }

    @Test
    void catalogListsEveryEditOfTheActiveRulesetInEachFormat() throws IOException {
        Cli.Run json = Cli.run("catalog", "--format", "json");
        assertEquals(ExitCodes.OK, json.exit(), json::toString);
        JsonNode edits = new ObjectMapper().readTree(json.out());
        JsonNode unit3 = null;
        for (JsonNode e : edits) {
            if ("FJ-UNIT-003".equals(e.get("editId").asText())) {
                unit3 = e;
            }
        }
        assertTrue(unit3 != null, json::toString);
        assertEquals("DENY", unit3.get("severity").asText());
        assertTrue(unit3.get("ruleFile").asText().startsWith("rules/facet/units.drl"), unit3::toString);

        Cli.Run csv = Cli.run("catalog", "--format", "csv");
        assertTrue(csv.out().startsWith("editId,title,severity"), csv::toString);
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("FJ-UNIT-003,")), csv::toString);

        Cli.Run md = Cli.run("catalog", "--rules", withRule.toString());
        assertEquals(ExitCodes.OK, md.exit(), md::toString);
        assertTrue(md.out().contains("| XT-FREQ-901 |"), md::toString);
        assertTrue(md.out().contains("| FJ-UNIT-003 |"), md::toString);
    }
}
