package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path tmp;

    @Test
    void anUnreadableScenarioFileIsOneFailureAndTheOthersStillRun() throws java.io.IOException {
        Path dir = Cli.export(tmp, "rules");
        java.nio.file.Files.createDirectories(dir.resolve("scenarios/analyst"));
        java.nio.file.Files.writeString(dir.resolve("scenarios/analyst/broken.json"), "{\"description\": \"half written\", ");
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        assertTrue(run.out().contains("FAIL scenarios/analyst/broken.json: not valid JSON"), run::toString);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("scenarios: (\\d+) run, (\\d+) passed, 1 failed")
                .matcher(run.out());
        assertTrue(count.find(), run::toString);
        assertTrue(Integer.parseInt(count.group(2)) > 200, "the bundled scenarios still ran:\n" + run);
    }

    @Test
    void aFailingScenarioIsPrintedWithWhatWasExpectedAndWhatCameBackAndFailsTheRun() {
        Path dir = Cli.export(tmp, "rules");
        Cli.resource("scenarios/passes.json", dir.resolve("scenarios/analyst/passes.json"));
        Cli.resource("scenarios/fails.json", dir.resolve("scenarios/analyst/fails.json"));
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        assertTrue(run.out().contains("FAIL scenarios/analyst/fails.json"), run::toString);
        assertTrue(run.out().contains("FJ-UNIT-001 on line 1"), "what was expected:\n" + run);
        assertTrue(run.out().contains("ACCEPT"), "what came back:\n" + run);
        assertTrue(run.out().matches("(?s).*scenarios: \\d+ run, \\d+ passed, 1 failed.*"), run::toString);
        assertTrue(!run.out().contains("FAIL scenarios/analyst/passes.json"), run::toString);
    }

    @Test
    void passingScenariosRunAgainstTheBundledRulesExitZero() {
        Path dir = tmp.resolve("scenarios-only");
        Cli.resource("scenarios/passes.json", dir.resolve("scenarios/analyst/passes.json"));
        Cli.Run run = Cli.run("test", "--scenarios", dir.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.out().contains("1 run, 1 passed, 0 failed"), run::toString);
    }

    @Test
    void aBrokenRulesetIsARulesetError() {
        Path dir = Cli.export(tmp, "rules");
        Cli.replace(dir.resolve("tables/places-of-service.csv"), "11,Office,false", "11,Office,perhaps");
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.err().contains("tables/places-of-service.csv"), run::toString);
    }
}
