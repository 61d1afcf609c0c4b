package org.claimrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.claimrules.engine.Ruleset;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.formats.PayersTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules validate DIR}: compile and check a ruleset folder; list every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compile and check a ruleset folder: DRL syntax and type errors, edit metadata, table rows, "
                + "overlapping validity dates, unknown codes and profiles. Exit 0 when clean, 3 otherwise. Warnings "
                + "(a profile without rows in a table every bundled profile has rows in) do not change the exit status.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ruleset folder (as written by 'rules export').")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            Ruleset ruleset = RulesetLoader.fromDirectory(dir);
            List<RulesetProblem> payers = payersProblems(ruleset.data().profileNames());
            if (!payers.isEmpty()) {
                return invalid(out, payers);
            }
            ProblemReport.print(out, ruleset.warnings());
            out.printf("%s is valid: %d edits, %d rules; version %s (compiled in %.1f s)%n", dir,
                    ruleset.catalog().edits().size(), ruleset.ruleCount(), ruleset.version(), (System.nanoTime() - start) / 1e9);
            out.flush();
            return ExitCodes.OK;
        } catch (RulesetException e) {
            List<RulesetProblem> problems = new ArrayList<>(e.problems());
            problems.addAll(payersProblems(null));
            return invalid(out, problems);
        }
    }

    /**
     * The payers table is read by the 837P and FHIR readers, not by the rules, so it is not in the
     * table manifest and is checked here: rows, profiles (when the ruleset loads) and validity.
     */
    private List<RulesetProblem> payersProblems(Set<String> profiles) {
        return java.nio.file.Files.isDirectory(dir) ? PayersTable.rulesetProblems(dir, profiles) : List.of();
    }

    private int invalid(PrintWriter out, List<RulesetProblem> problems) {
        ProblemReport.print(out, problems);
        out.printf("%s is not valid: %d problem%s%n", dir, problems.size(), problems.size() == 1 ? "" : "s");
        out.flush();
        return ExitCodes.RULESET;
    }
}
