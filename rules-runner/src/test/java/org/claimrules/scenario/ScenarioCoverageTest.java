package org.claimrules.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.RulesetLoader;
import org.junit.jupiter.api.Test;

/**
 * Guard: every edit of the active catalogue has a folder {@code scenarios/<family>/<ID>/}, where
 * {@code <family>} is the folder of its rule file under {@code rules/}, with at least one scenario
 * where the edit fires and at least one where it stays silent.
 */
class ScenarioCoverageTest {

    @Test
    void everyEditHasFiringAndSilentScenarios() throws Exception {
        ClaimEngine engine = ClaimEngine.bundled();
        List<Scenario> scenarios = ScenarioLoader.load(RulesetLoader.bundledRoot());
        List<String> problems = new ArrayList<>();
        for (EditDefinition def : engine.catalog().edits()) {
            String editId = def.editId();
            String family = def.ruleFile().replaceFirst("^rules/", "").replaceFirst("/[^/]*$", "");
            String folder = ScenarioLoader.FOLDER + "/" + family + "/" + editId + "/";
            List<Scenario> own = scenarios.stream().filter(s -> s.file().startsWith(folder)).toList();
            boolean fires = own.stream().anyMatch(s -> expects(s, editId));
            boolean silent = own.stream().anyMatch(s -> !expects(s, editId));
            if (!fires) {
                problems.add(editId + ": no scenario in " + folder + " expects it to fire");
            }
            if (!silent) {
                problems.add(editId + ": no scenario in " + folder + " expects it to stay silent");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static boolean expects(Scenario scenario, String editId) {
        return scenario.cases().stream().map(ScenarioCase::expect).filter(Objects::nonNull)
                .flatMap(e -> e.edits().stream()).anyMatch(e -> e.editId().equals(editId));
    }
}
