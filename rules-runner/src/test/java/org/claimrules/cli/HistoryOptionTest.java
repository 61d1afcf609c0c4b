package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** One mixin owns {@code --history} for every command that takes it, and each reports a bad one alike. */
class HistoryOptionTest {

    private static final List<String> COMMANDS = List.of("score", "serve", "purge-history");

    @Test
    void everyCommandWithAHistoryDeclaresItThroughTheMixin() {
        CommandLine cli = new CommandLine(new ClaimRulesCli());
        for (String name : COMMANDS) {
            CommandLine.Model.CommandSpec command = cli.getSubcommands().get(name).getCommandSpec();
            assertTrue(command.mixins().values().stream().anyMatch(m -> m.userObject() instanceof HistoryOption),
                    name + " declares --history through HistoryOption");
            assertEquals(1, command.options().stream().filter(o -> o.longestName().equals("--history")).count(), name);
        }
        // and no command declares its own
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandLine.Model.OptionSpec option = sub.getCommandSpec().findOption("--history");
            if (option != null) {
                assertTrue(COMMANDS.contains(sub.getCommandName()), sub.getCommandName());
            }
        }
    }

    @Test
    void aHistoryThatIsNotADatabaseIsAUsageErrorForEachCommand() {
        for (String name : COMMANDS) {
            Cli.Run run = name.equals("score")
                    ? Cli.run(name, "--input", "-", "--output", "-", "--history", "mysql://x", "--no-progress")
                    : Cli.run(name, "--history", "mysql://x");
            assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
            assertTrue(run.err().contains("claimrules: --history takes 'none'"), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
    }

    @Test
    void purgeHistoryNeedsADatabase() {
        Cli.Run missing = Cli.run("purge-history");
        assertEquals(ExitCodes.USAGE, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("--history"), missing::toString);
        Cli.Run none = Cli.run("purge-history", "--history", "none");
        assertEquals(ExitCodes.USAGE, none.exit(), none::toString);
        assertTrue(none.err().contains("needs a database"), none::toString);
    }
}
