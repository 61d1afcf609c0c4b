package org.claimrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.RulesetProblem;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option every command that uses a ruleset shares. */
public final class RulesetOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Ruleset folder to use instead of the bundled ruleset (see 'rules export').")
    Path rules;

    /** The engine, or null after reporting every problem of the ruleset on {@code err}. */
    ClaimEngine engine(PrintWriter err) {
        try {
            return rules == null ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(rules);
        } catch (RulesetException e) {
            err.println("claimrules: the ruleset " + (rules == null ? "(bundled)" : rules) + " cannot be loaded:");
            for (RulesetProblem p : e.problems()) {
                err.println("  " + p);
            }
            return null;
        }
    }
}
