package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules rules ...}: work with ruleset folders. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with ruleset folders.",
        subcommands = {RulesCommand.Export.class})
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (export)");
    }

    /** {@code claimrules rules export DIR}: the bundled ruleset's editable files, to change and validate. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the bundled ruleset (DRL rules, data tables, payer profiles, scenarios) to a folder, "
                    + "laid out as in the source tree, to edit and then use with --rules DIR.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write; it must not exist or be empty.")
        Path target;

        @Option(names = "--rules", paramLabel = "DIR", description = "Export this ruleset folder instead of the bundled one.")
        Path rules;

        @Option(names = "--force", description = "Write into a folder that is not empty, replacing files of the same name.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!OutputPaths.writingOnly().folder(target).ok(err)) {
                return ExitCodes.USAGE;
            }
            if (!force && Files.isDirectory(target) && !isEmpty(target)) {
                err.println("claimrules: " + target + " is not empty; choose a new folder or add --force");
                return ExitCodes.USAGE;
            }
            Path root = rules == null ? RulesetLoader.bundledRoot() : rules;
            if (!Files.isDirectory(root.resolve("rules"))) {
                err.println("claimrules: " + root + " is not a ruleset folder (it has no rules/ folder)");
                return ExitCodes.USAGE;
            }
            List<String> written = RulesetExporter.export(root, target);
            long drl = written.stream().filter(p -> p.startsWith("rules/")).count();
            long tables = written.stream().filter(p -> p.startsWith("tables/")).count();
            long scenarios = written.stream().filter(p -> p.startsWith("scenarios/")).count();
            out.printf("exported %s to %s: %d rule files, %d tables, %d scenario files%n",
                    rules == null ? "the bundled ruleset" : rules, target, drl, tables, scenarios);
            out.flush();
            return ExitCodes.OK;
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            }
        }
    }
}
