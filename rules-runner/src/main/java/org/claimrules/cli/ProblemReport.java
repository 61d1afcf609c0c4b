package org.claimrules.cli;

import java.io.PrintWriter;
import java.util.List;
import org.claimrules.engine.RulesetProblem;

/** Prints a ruleset's problems one per line, {@code file:line:column: message}, as editors link them. */
final class ProblemReport {

    private ProblemReport() {
    }

    static void print(PrintWriter out, List<RulesetProblem> problems) {
        for (RulesetProblem p : problems) {
            out.println(p);
        }
        out.flush();
    }
}
