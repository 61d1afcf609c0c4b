package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.scenario.Expectation;
import org.claimrules.scenario.Scenario;
import org.claimrules.scenario.ScenarioCase;
import org.claimrules.scenario.ScenarioLoader;
import org.claimrules.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules test [DIR]}: run a ruleset's scenario files and report every failing case. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the scenario files (scenarios/**/*.json) of a ruleset folder against its rules, or the "
                + "bundled ones without DIR. Prints each failing case and a pass/fail count; exit 1 when any fails.")
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Ruleset folder whose rules and scenarios to run (same as --rules DIR).")
    Path dir;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Take the scenarios from this ruleset folder instead (e.g. new scenarios against the bundled rules).")
    Path scenarios;

    @Option(names = {"-v", "--verbose"}, description = "Also list the scenarios that pass.")
    boolean verbose;

    @Mixin
    RulesetOption ruleset;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dir != null && ruleset.rules != null && !dir.equals(ruleset.rules)) {
            err.println("claimrules: give the ruleset folder once, either as DIR or as --rules");
            return ExitCodes.USAGE;
        }
        if (dir != null) {
            ruleset.rules = dir;
        }
        ClaimEngine engine = isolation.apply(ruleset.engine(err));
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        Path root = scenarios != null ? scenarios : engine.ruleset().root();
        if (scenarios != null && !Files.isDirectory(scenarios)) {
            err.println("claimrules: " + scenarios + " is not a folder");
            return ExitCodes.USAGE;
        }
        ScenarioLoader.Loaded each = ScenarioLoader.loadEach(root);
        List<Scenario> loaded = each.scenarios();
        if (loaded.isEmpty() && each.unreadable().isEmpty()) {
            err.println("claimrules: no scenario files under " + root.resolve(ScenarioLoader.FOLDER));
        }
        ScenarioRunner runner = new ScenarioRunner(engine);
        int passed = 0;
        int failed = 0;
        for (String problem : each.unreadable()) {
            failed++;
            out.println("FAIL " + problem);
        }
        for (Scenario scenario : loaded) {
            ScenarioRunner.Result result = runner.run(scenario);
            if (result.passed()) {
                passed++;
                if (verbose) {
                    out.println("pass " + scenario.file());
                }
                continue;
            }
            failed++;
            out.println("FAIL " + scenario.file() + (scenario.description().equals(scenario.file())
                    ? "" : "  (" + scenario.description() + ")"));
            for (String difference : result.differences()) {
                out.println("  " + difference);
            }
            for (int i = 0; i < scenario.cases().size(); i++) {
                ScenarioCase c = scenario.cases().get(i);
                if (c.expect() != null) {
                    out.println("  claim " + c.claim().claimId() + " expected: " + expected(c.expect()));
                    out.println("  claim " + c.claim().claimId() + " got:      " + actual(result.outcomes().get(i)));
                }
            }
        }
        out.printf("scenarios: %d run, %d passed, %d failed (ruleset %s)%n", passed + failed, passed, failed,
                engine.ruleset().version());
        out.flush();
        return failed > 0 ? ExitCodes.SOME_ERRORS : ExitCodes.OK;
    }

    private static String expected(Expectation e) {
        String edits = e.edits().isEmpty() ? "no edits"
                : e.edits().stream().map(Expectation.ExpectedEdit::toString).collect(Collectors.joining(", "));
        return (e.disposition() == null ? "" : e.disposition() + "; ") + edits;
    }

    private static String actual(Outcome outcome) {
        if (outcome instanceof ErrorRecord e) {
            return "error " + e.error().code() + ": " + e.error().message();
        }
        ClaimResult r = (ClaimResult) outcome;
        String edits = r.edits().isEmpty() ? "no edits" : r.edits().stream()
                .map(x -> new Expectation.ExpectedEdit(x.editId(), x.lineNumber()).toString())
                .collect(Collectors.joining(", "));
        return r.disposition() + "; " + edits;
    }
}
