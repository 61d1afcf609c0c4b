package org.claimrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;
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

    /** A rule's header up to its {@code when}: the rules with an {@code @editId} are the edits. */
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"[^\"]*\".*?^when\\b");

    @TempDir
    Path tmp;

    @Test
    void everyScenarioPassesWhenEditRulesAreEvaluatedBeforeTheDerivations() throws Exception {
        Path rules = tmp.resolve("edits-first");
        RulesetExporter.export(RulesetLoader.bundledRoot(), rules);
        int raised = raiseEditRules(rules);
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

    /** Gives every rule with an {@code @editId} the attribute {@code salience 100}; returns how many. */
    private static int raiseEditRules(Path ruleset) throws IOException {
        int raised = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ruleset.resolve("rules"))) {
            files = walk.filter(f -> f.toString().endsWith(".drl")).toList();
        }
        for (Path file : files) {
            String drl = Files.readString(file);
            StringBuilder out = new StringBuilder();
            Matcher m = RULE.matcher(drl);
            int from = 0;
            while (m.find()) {
                if (m.group().contains("@editId")) {
                    int when = m.end() - "when".length();
                    out.append(drl, from, when).append("    salience 100\n");
                    from = when;
                    raised++;
                }
            }
            out.append(drl.substring(from));
            Files.writeString(file, out.toString());
        }
        return raised;
    }
}
