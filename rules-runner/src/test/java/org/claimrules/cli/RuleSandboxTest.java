package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.RulesetProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ruleset is code: rules that call outside the allowlist (README, "What a rule may call") are
 * refused wherever a ruleset is loaded, each by its file, rule and call; the bundled ruleset,
 * checked the same way, passes.
 */
class RuleSandboxTest {

    @TempDir
    static Path tmp;
    static Path rules;

    @BeforeAll
    static void exportWithAttacks() throws Exception {
        rules = Cli.exportWithHostileRules(tmp, "attacked", "attack", "attack.drl");
    }

    @Test
    void validateNamesEachRuleAndItsForbiddenCall() {
        Cli.Run run = Cli.run("validate", rules.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        String out = run.out();
        for (String[] c : List.of(
                new String[] {"ATTACK exit", "java.lang.System.exit"},
                new String[] {"ATTACK read a file", "java.nio.file.Files.readString"},
                new String[] {"ATTACK new file", "java.io.File"},
                new String[] {"ATTACK runtime", "java.lang.Runtime.getRuntime"},
                new String[] {"ATTACK reflection", "java.lang.Class.forName"},
                new String[] {"ATTACK method reference", "java.lang.System.exit"})) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("rules/attack/attack.drl:") && l.contains("\"" + c[0] + "\"")
                    && l.contains(c[1])), () -> c[0] + " / " + c[1] + " not reported:\n" + out);
        }
        assertFalse(out.contains("HARMLESS"), () -> "strings, Math, java.time and collections are allowed:\n" + out);
    }

    @Test
    void theLibraryRefusesItTooAndTheTestCommandRunsNothing() {
        RulesetException e = org.junit.jupiter.api.Assertions.assertThrows(RulesetException.class,
                () -> ClaimEngine.fromDirectory(rules));
        assertTrue(e.problems().stream().map(RulesetProblem::message).anyMatch(m -> m.contains("System.exit")));
        Cli.Run test = Cli.run("test", rules.toString());
        assertEquals(ExitCodes.RULESET, test.exit(), test::toString);
    }

    @Test
    void theBundledRulesetPassesTheSameCheck() throws Exception {
        assertFalse(ClaimEngine.bundled().ruleset().version().isEmpty());
        Path clean = Cli.export(tmp, "clean");
        Cli.Run run = Cli.run("validate", clean.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(Files.isDirectory(clean.resolve("rules")));
    }
}
