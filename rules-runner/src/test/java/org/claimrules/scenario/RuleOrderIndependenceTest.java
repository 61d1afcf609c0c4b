package org.claimrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit's outcome must not depend on the order the engine happens to evaluate rules in: an edit
 * rule that is evaluated before the facts it counts are derived has to be corrected as they
 * arrive (truth maintenance). Drools 10.2.0 does not always do so for an accumulate over derived
 * facts outside the largest package (apache/incubator-kie#7109), and which order a build gets
 * depends on how the rules happen to be attached (the RFA family passed in the shaded jar and
 * failed on the Maven test classpath). This test forces the worst order: every edit rule of the
 * bundled ruleset gets a salience above every derivation, so edits are evaluated first, and every
 * bundled scenario must still pass.
 */
class RuleOrderIndependenceTest {

    @TempDir
    Path tmp;

    @Test
    void everyScenarioPassesWhenEditRulesAreEvaluatedBeforeTheDerivations() throws Exception {
        Path rules = tmp.resolve("edits-first");
        int raised = Salience.bundledWithEditRules(rules, 100);
        assertTrue(raised > 50, "edit rules found: " + raised);

        ScenarioRunner runner = new ScenarioRunner(ClaimEngine.fromDirectory(rules));
        List<Scenario> scenarios = ScenarioLoader.load(rules);
        List<String> failures = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<String> differences = runner.run(s).differences();
            if (!differences.isEmpty()) {
                failures.add(s.file() + ": " + String.join("; ", differences));
            }
        }
        assertTrue(scenarios.size() > 300, "scenarios run: " + scenarios.size());
        assertEquals(List.of(), failures, "scenarios whose outcome depends on the order rules are evaluated in");
    }
}
