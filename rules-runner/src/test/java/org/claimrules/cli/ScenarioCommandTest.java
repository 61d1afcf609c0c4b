package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claimrules scenario --from-claim}: a scenario from a real claim, that passes {@code claimrules test}. */
class ScenarioCommandTest {

    private static final Path EXAMPLES = Path.of("../examples/claims.jsonl");

    @TempDir
    Path tmp;

    @Test
    void aScenarioFromAClaimExpectsItsCurrentResultAndPassesTest() throws Exception {
        Path dir = tmp.resolve("mine");
        Path file = dir.resolve("scenarios/analyst/EX-006.json");
        Files.createDirectories(file.getParent());
        Cli.Run run = Cli.run("scenario", "--from-claim", EXAMPLES.toString(), "--claim", "EX-006", "--output", file.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);

        JsonNode scenario = Json.mapper().readTree(file.toFile());
        JsonNode expect = scenario.get("expect");
        assertEquals("PARTIAL", expect.get("disposition").asText());
        assertEquals("FJ-UNIT-003", expect.get("edits").get(0).get("editId").asText());
        assertEquals(3, expect.get("edits").get(0).get("lineNumber").asInt());
        assertEquals("DENIED", expect.get("lines").get(2).get("status").asText());
        assertTrue(expect.get("lines").get(2).get("noEstimate").asBoolean());
        assertTrue(expect.get("lines").get(0).has("expectedAllowed"));
        String text = Files.readString(file);
        String member = Files.readAllLines(EXAMPLES).get(5).replaceAll(".*\"memberId\": \"([^\"]+)\".*", "$1");
        assertFalse(text.contains(member), "the member ID is not copied");

        Cli.Run test = Cli.run("test", "--scenarios", dir.toString(), "--verbose");
        assertEquals(ExitCodes.OK, test.exit(), test::toString);
        assertTrue(test.out().contains("pass scenarios/analyst/EX-006.json"), test::toString);
    }

    @Test
    void theMembersOtherClaimsComeAlongAsItsHistory() throws Exception {
        Cli.Run run = Cli.run("scenario", "--from-claim", EXAMPLES.toString(), "--claim", "EX-013B");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        JsonNode batch = Json.mapper().readTree(run.out()).get("batch");
        assertEquals(2, batch.size(), run::toString);
        assertTrue(batch.get(0).has("expect") != batch.get(1).has("expect"), "only the chosen claim expects a result");

        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/EX-013B.json"), run.out());
        Cli.Run test = Cli.run("test", "--scenarios", dir.toString());
        assertEquals(ExitCodes.OK, test.exit(), test::toString);
    }

    @Test
    void theExpectationFollowsTheRulesetGiven() throws Exception {
        Path dir = Cli.export(tmp, "rules");
        Cli.setProfileParameter(dir, "MEDICARE", "maxLevelsPerSession", "3");
        Cli.Run run = Cli.run("scenario", "--from-claim", EXAMPLES.toString(), "--claim", "EX-006", "--rules", dir.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertFalse(run.out().contains("FJ-UNIT-003"), "the edited ruleset pays a third level:\n" + run.out());
    }

    @Test
    void aMissingClaimAnErrorRecordAndAnOutputOverTheInputAreRefused() throws Exception {
        assertEquals(ExitCodes.USAGE, Cli.run("scenario", "--from-claim", EXAMPLES.toString(), "--claim", "NOPE").exit());
        Cli.Run bad = Cli.run("scenario", "--from-claim", "../examples/bad-input.jsonl", "--claim", "BAD-2");
        assertEquals(ExitCodes.SOME_ERRORS, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("lines[0].units"), bad::toString);
        Path copy = Files.copy(EXAMPLES, tmp.resolve("claims.jsonl"));
        Cli.Run over = Cli.run("scenario", "--from-claim", copy.toString(), "--claim", "EX-006", "--output", copy.toString());
        assertEquals(ExitCodes.USAGE, over.exit(), over::toString);
        assertEquals(Files.readString(EXAMPLES), Files.readString(copy));
    }
}
