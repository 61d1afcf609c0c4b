package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code impact} and {@code score --rules} with an edited copy of the bundled ruleset. */
class ImpactCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aChangedParameterAndFeeShowInDispositionsEditCountsAndExpectedPayment() throws IOException {
        Path claims = Cli.resource("claims.jsonl", tmp.resolve("claims.jsonl"));
        Path dir = Cli.export(tmp, "rules");
        // Medicare pays a third level now, and the 64493 fee goes up
        Cli.setProfileParameter(dir, "MEDICARE", "maxLevelsPerSession", "3");
        Cli.replace(dir.resolve("tables/fees.csv"), "64493,172.08,", "64493,200.00,");
        Path json = tmp.resolve("impact.json");
        Path html = tmp.resolve("impact.html");
        Cli.Run run = Cli.run("impact", "--baseline", "bundled", "--rules", dir.toString(), "--input", claims.toString(),
                "--output", json.toString(), "--html", html.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("C-1001: PARTIAL -> ACCEPT"), run::toString);

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, report.get("claims").asInt());
        JsonNode unit3 = editCount(report, "FJ-UNIT-003");
        assertEquals(1, unit3.get("before").asInt());
        assertEquals(0, unit3.get("after").asInt());
        JsonNode change = report.get("changedClaims").get(0);
        assertEquals("C-1001", change.get("claimId").asText());
        assertEquals("PARTIAL", change.get("dispositionBefore").asText());
        assertEquals("ACCEPT", change.get("dispositionAfter").asText());
        JsonNode payment = report.get("expectedPayment");
        assertTrue(payment.get("after").decimalValue().compareTo(payment.get("before").decimalValue()) > 0,
                payment::toString);

        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("C-1001") && page.contains("FJ-UNIT-003"));
        assertFalse(page.contains("<script") || page.contains("<link") || page.contains("src="),
                "the page must not fetch anything");
    }

    @Test
    void theBaselineDefaultsToTheBundledRulesetAndABrokenRulesetIsRefused() {
        Path claims = Cli.resource("claims.jsonl", tmp.resolve("claims.jsonl"));
        Path dir = Cli.export(tmp, "rules");
        Cli.replace(dir.resolve("tables/fees.csv"), "64493,172.08,", "64493,abc,");
        Cli.Run run = Cli.run("impact", "--rules", dir.toString(), "--input", claims.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.err().contains("tables/fees.csv"), run::toString);
    }

    @Test
    void scoreRunsWithTheEditedRuleset() throws IOException {
        Path claims = Cli.resource("claims.jsonl", tmp.resolve("claims.jsonl"));
        Path dir = Cli.export(tmp, "rules");
        Cli.setProfileParameter(dir, "MEDICARE", "maxLevelsPerSession", "3");
        Path bundledOut = tmp.resolve("bundled.jsonl");
        Path editedOut = tmp.resolve("edited.jsonl");
        assertEquals(ExitCodes.OK, Cli.run("score", "--input", claims.toString(), "--output", bundledOut.toString()).exit());
        Cli.Run run = Cli.run("score", "--rules", dir.toString(), "--input", claims.toString(),
                "--output", editedOut.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        String before = Files.readAllLines(bundledOut).get(0);
        String after = Files.readAllLines(editedOut).get(0);
        assertTrue(before.contains("FJ-UNIT-003"), before);
        assertFalse(after.contains("FJ-UNIT-003"), after);
        assertTrue(after.contains("\"rulesetVersion\":\"rules+sha256."), after);
    }

    private static JsonNode editCount(JsonNode report, String editId) {
        for (JsonNode e : report.get("editCounts")) {
            if (editId.equals(e.get("editId").asText())) {
                return e;
            }
        }
        throw new AssertionError(editId + " not in " + report.get("editCounts"));
    }
}
