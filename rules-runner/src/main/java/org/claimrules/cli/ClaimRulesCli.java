package org.claimrules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claimrules} command line. Results go to standard output or files, diagnostics to standard error. */
@Command(name = "claimrules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Claim-editing rules engine: scores medical claims against the edit catalogue.",
        subcommands = {ScoreCommand.class, GenerateCommand.class, RulesCommand.class, ValidateCommand.class,
                TestCommand.class, ScenarioCommand.class, ImpactCommand.class, ExplainCommand.class, CatalogCommand.class,
                ServeCommand.class, HistoryPurgeCommand.class,
                CommandLine.HelpCommand.class})
public final class ClaimRulesCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command in-process and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ClaimRulesCli());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("claimrules: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        // Exceptions from a command and Errors (which picocli rethrows) meet in ExitCodes.forFailure.
        cli.setExecutionExceptionHandler((e, c, parsed) -> ExitCodes.forFailure(e, c.getErr()));
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return ExitCodes.forFailure(t, cli.getErr());
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
