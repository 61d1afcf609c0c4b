package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(run.out().contains("FacetLine (addOn = true, code = 64495, level = 3, lineNumber = 3"), run::toString);
    }

    @Test
    void explainShowsTheDocumentationAndTheClaimARuleReadsThroughALine() {
        // FJ-DOC-002 reads the note through the facet line (line.clinical), the profile's derivation
        // the billing role through the line (line.claim): both are shown as facts of their own
        Path claim = Cli.resource("frequent-claim.json", tmp.resolve("read-through-claim.json"));
        Cli.Run run = Cli.run("explain", "--input", claim.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        String doc002 = run.out().substring(run.out().indexOf("FJ-DOC-002 on line 1"));
        doc002 = doc002.substring(0, doc002.indexOf("Policy:"));
        assertTrue(doc002.contains("- the documentation: painDurationMonths = (blank)"), doc002);
        assertTrue(doc002.contains("- claim C-2001: payer profile COMMERCIAL, billed by PRACTITIONER"), doc002);
        assertFalse(doc002.contains("line.clinical"), doc002);
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
        assertTrue(out.contains("SessionCount (count = 5, "), run::toString);
        assertTrue(out.contains("intent = DIAGNOSTIC, region = LUMBAR_SACRAL, windowStart = 2025-03-02"), run::toString);
        assertTrue(out.contains("dates counted: 2025-04-10 (history claim C-0901)"), run::toString);
        assertTrue(out.contains("diagnosticSessionsPer12Months = 4"), run::toString);
        assertTrue(out.contains("history claim C-0904"), "the derivation shows the sessions counted:\n" + run);
    }

    @Test
    void explainScoresAClaimWithItsMembersOtherClaimsAsScoreDoes() throws IOException {
        Path examples = Path.of("../examples/claims.jsonl");
        Path results = tmp.resolve("examples-results.jsonl");
        Cli.Run score = Cli.run("score", "--input", examples.toString(), "--output", results.toString());
        assertEquals(ExitCodes.OK, score.exit(), score::toString);
        String scored = Files.readAllLines(results).stream().filter(l -> l.contains("\"claimId\":\"EX-013B\""))
                .findFirst().orElseThrow();
        assertTrue(scored.contains("\"disposition\":\"REVIEW\"") && scored.contains("FJ-RESP-002"), scored);

        Cli.Run run = Cli.run("explain", "--input", examples.toString(), "--claim", "EX-013B");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("Claim EX-013B (MEDICARE): REVIEW"), run::toString);
        assertTrue(run.out().contains("FJ-RESP-002 on line 1"), run::toString);
        assertTrue(run.out().contains("in this batch"), "the sibling's session is named:\n" + run);
    }

    @Test
    void explainWithoutClaimExplainsEveryClaimOfTheFile() {
        Cli.Run run = Cli.run("explain", "--input", "../examples/claims.jsonl");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("Claim EX-001 ") && run.out().contains("Claim EX-013B "), run::toString);
        ValidateCommandTest.assertNoStackTrace(run);
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
