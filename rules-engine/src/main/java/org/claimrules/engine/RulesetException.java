package org.claimrules.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot be used, with every problem found in it. */
public class RulesetException extends Exception {

    private final List<RulesetProblem> problems;

    public RulesetException(String summary, List<RulesetProblem> problems) {
        super(summary + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
