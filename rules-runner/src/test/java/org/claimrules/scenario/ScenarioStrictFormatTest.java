package org.claimrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario format is strict (docs/scenarios.md): unknown fields at any level, the claim
 * included, and edit IDs no rule declares are errors naming the file and the field.
 */
class ScenarioStrictFormatTest {

    private static final String ADD_ON_ALONE = """
            {"description": "orphan add-on", "base": "medicare-lumbar-diagnostic",
             "claim": {"claimId": "T-1", "lines": [{"lineNumber": 2, "procedureCode": "64494", "modifiers": ["KX", "50"],
                       "units": 1, "serviceDate": "2026-03-02", "diagnosisPointers": [1]}],
                       "clinical": {"levels": ["L5-S1"]}},
             "expect": {"disposition": "DENY", "edits": [{"editId": "FJ-PAIR-001", "lineNumber": 2}]}}
            """;

    @TempDir
    Path tmp;

    private static String problem(String text) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(RulesetLoader.bundledRoot(), "scenarios/analyst/t.json", text)).getMessage();
    }

    @Test
    void theUnchangedScenarioLoads() throws Exception {
        Scenario s = ScenarioLoader.parse(RulesetLoader.bundledRoot(), "scenarios/analyst/t.json", ADD_ON_ALONE);
        assertEquals(1, s.cases().size());
    }

    @Test
    void aMisspelledExpectIsRejectedWithFileAndField() {
        String message = problem(ADD_ON_ALONE.replace("\"expect\"", "\"expct\""));
        assertTrue(message.startsWith("scenarios/analyst/t.json: "), message);
        assertTrue(message.contains("expct: unknown field"), message);
        assertTrue(message.contains("expect: required"), "and both problems are reported at once: " + message);
    }

    @Test
    void anUnknownFieldOfAnExpectedEditIsRejected() {
        String message = problem(ADD_ON_ALONE.replace("\"lineNumber\": 2}]}", "\"lineNumbr\": 2}]}"));
        assertTrue(message.contains("expect.edits[0].lineNumbr: unknown field"), message);
    }

    @Test
    void anUnknownFieldOfTheClaimIsRejectedByItsPath() {
        String message = problem(ADD_ON_ALONE.replace("\"procedureCode\"", "\"procedurCode\"")
                .replace("\"clinical\": {\"levels\": [\"L5-S1\"]}", "\"clinical\": {\"levels\": [\"L5-S1\"], \"painScael\": {\"baseline\": 7}}"));
        assertTrue(message.contains("claim.lines[0].procedurCode: unknown field"), message);
        assertTrue(message.contains("claim.clinical.painScael: unknown field"), message);
        assertFalse(message.contains("(in base"), "both are in the scenario itself: " + message);
    }

    @Test
    void anUnknownFieldFromTheBaseClaimSaysSo() throws Exception {
        Path root = tmp.resolve("rules");
        Files.createDirectories(root.resolve("scenarios/bases"));
        Files.writeString(root.resolve("scenarios/bases/b.json"), Files.readString(RulesetLoader.bundledRoot()
                .resolve("scenarios/bases/medicare-lumbar-diagnostic.json")).replaceFirst("\\{", "{\"submitter\": \"x\", "));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(root, "scenarios/t.json",
                ADD_ON_ALONE.replace("medicare-lumbar-diagnostic", "b")));
        assertTrue(e.getMessage().contains("claim.submitter: unknown field (in base b)"), e.getMessage());
    }

    @Test
    void anUnknownKeyOfABatchItemAndABatchThatExpectsNothingAreRejected() {
        String item = "{\"base\": \"medicare-lumbar-diagnostic\", \"claim\": {\"claimId\": \"B-%d\"}%s}";
        String message = problem("{\"batch\": [" + item.formatted(1, "") + ", "
                + item.formatted(2, ", \"expected\": {\"edits\": []}") + "]}");
        assertTrue(message.contains("batch[1].expected: unknown field"), message);
        message = problem("{\"batch\": [" + item.formatted(1, "") + ", " + item.formatted(2, "") + "]}");
        assertTrue(message.contains("no claim has an 'expect'"), message);
    }

    @Test
    void aBadValueNamesItsFieldWithoutLibraryWording() {
        String message = problem(ADD_ON_ALONE.replace("\"DENY\"", "\"DENIED\""));
        assertTrue(message.contains("expect.disposition: 'DENIED' is not one of RTP, DENY, PARTIAL, REVIEW, ACCEPT"), message);
        assertFalse(message.contains("Cannot deserialize") || message.contains("`"), message);
    }

    @Test
    void anEditIdNoRuleDeclaresIsReportedAsSuchNotAsNotFired() throws Exception {
        Scenario s = ScenarioLoader.parse(RulesetLoader.bundledRoot(), "scenarios/analyst/t.json",
                ADD_ON_ALONE.replace("FJ-PAIR-001", "FJ-PAIR-009"));
        ScenarioRunner.Result result = new ScenarioRunner(ClaimEngine.bundled()).run(s);
        assertFalse(result.passed());
        String all = String.join("\n", result.differences());
        assertTrue(all.contains("expect.edits[0].editId: FJ-PAIR-009 is not an edit of this ruleset"), all);
        assertFalse(all.contains("FJ-PAIR-009 on line 2, it did not fire"), all);
    }
}
