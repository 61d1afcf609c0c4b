package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.impact.ImpactAnalysis;
import org.claimrules.impact.ImpactHtml;
import org.claimrules.impact.ImpactReport;
import org.claimrules.impact.ImpactText;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.result.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules impact}: what a ruleset change does to a set of claims. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Score the same claims with a baseline and a changed ruleset and report what changes: "
                + "claims whose disposition changed, edit counts per edit ID and the change in expected payment.")
public final class ImpactCommand implements Callable<Integer> {

    static final String BUNDLED = "bundled";

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "RULES", defaultValue = BUNDLED,
            description = "Baseline ruleset folder, or 'bundled' (default).")
    String baseline;

    @Option(names = "--rules", required = true, paramLabel = "RULES",
            description = "The changed ruleset folder (or 'bundled').")
    String rules;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Claims, JSON Lines (.gz read compressed; - for standard input).")
    String input;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the report as JSON (- for standard output; the text then goes to standard error).")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page (- for standard output; the text then goes to standard error).")
    Path html;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!OutputPaths.reading("--input", input).file("--output", output).file("--html", html).ok(err)) {
            return ExitCodes.USAGE;
        }
        List<ClaimReader.Read> records;
        try {
            records = ClaimFile.read(input);
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read input " + input + ": no such file");
            return ExitCodes.USAGE;
        }
        ClaimEngine before = load(baseline, err);
        if (before == null) {
            return ExitCodes.RULESET;
        }
        ClaimEngine after = load(rules, err);
        if (after == null) {
            return ExitCodes.RULESET;
        }
        List<Outcome> outcomesBefore = new BatchScorer(before, threads).score(records);
        List<Outcome> outcomesAfter = new BatchScorer(after, threads).score(records);
        ImpactReport report = ImpactAnalysis.compare(input,
                new ImpactReport.RulesetInfo(baseline, before.ruleset().version()), outcomesBefore,
                new ImpactReport.RulesetInfo(rules, after.ruleset().version()), outcomesAfter);
        // the text goes to standard error when the JSON or the page goes to standard output
        ImpactText.print(report, OutputPaths.isStandard(output) || OutputPaths.isStandard(html) ? err : out);
        if (output != null) {
            write(output, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report), out, err);
        }
        if (html != null) {
            write(html, ImpactHtml.render(report), out, err);
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static void write(Path path, String text, PrintWriter out, PrintWriter err) throws IOException {
        if (OutputPaths.isStandard(path)) {
            out.print(text);
            out.flush();
            return;
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
        err.println("wrote " + path);
    }

    private ClaimEngine load(String which, PrintWriter err) {
        try {
            return isolation.apply(BUNDLED.equals(which) ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(Path.of(which)));
        } catch (RulesetException e) {
            err.println("claimrules: the ruleset " + which + " cannot be loaded:");
            for (RulesetProblem p : e.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return null;
        }
    }
}
