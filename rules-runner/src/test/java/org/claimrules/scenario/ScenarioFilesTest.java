package org.claimrules.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario file of the bundled ruleset ({@code scenarios/**}/*.json): each must produce
 * exactly the edits, disposition and line results it expects. One test per file, named by its path.
 */
class ScenarioFilesTest {

    private static ScenarioRunner runner;

    @BeforeAll
    static void buildEngine() throws Exception {
        runner = new ScenarioRunner(ClaimEngine.bundled());
    }

    static Stream<Named<Scenario>> scenarios() throws Exception {
        return ScenarioLoader.load(RulesetLoader.bundledRoot()).stream().map(s -> Named.of(s.file(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioPasses(Scenario scenario) {
        List<String> differences = runner.run(scenario).differences();
        assertTrue(differences.isEmpty(), () -> scenario.description() + "\n" + String.join("\n", differences));
    }
}
