package org.claimrules.cli;

import java.time.Duration;
import org.claimrules.engine.ClaimEngine;
import picocli.CommandLine.Option;

/**
 * How the commands that score claims run a ruleset folder's rules ({@code test}, {@code score},
 * {@code scenario}, {@code impact}): in child processes by default, since a folder's rules are
 * analysts' code and only a child process can stop a rule that never returns; and with what claim
 * budget.
 */
public final class IsolationOption {

    @Option(names = "--in-process",
            description = "Score a ruleset folder's claims in this process, not in child processes that can be stopped: "
                    + "starts faster, but a rule that never returns then hangs the run.")
    boolean inProcess;

    @Option(names = "--claim-budget", paramLabel = "MS",
            description = "CPU milliseconds one claim's rules may take before the claim is an engine error "
                    + "(default: 10000, or -Dclaimrules.claimBudgetMillis).")
    Long claimBudgetMillis;

    /** The engine, configured; null stays null (a ruleset that did not load). */
    ClaimEngine apply(ClaimEngine engine) {
        if (engine != null) {
            if (claimBudgetMillis != null) {
                engine.setClaimBudget(Duration.ofMillis(claimBudgetMillis));
            }
            engine.setIsolated(!inProcess);
        }
        return engine;
    }
}
