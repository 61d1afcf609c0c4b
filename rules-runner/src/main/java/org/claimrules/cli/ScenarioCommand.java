package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.OutputFile;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.scenario.Scenario;
import org.claimrules.scenario.ScenarioException;
import org.claimrules.scenario.ScenarioLoader;
import org.claimrules.scenario.ScenarioRunner;
import org.claimrules.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code claimrules scenario --from-claim FILE --claim ID}: a scenario file made from a real claim
 * and the result it gets now, for an analyst who starts from a claim that went wrong. The member's
 * other claims in the file come along as a batch, since they are its in-batch history.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Write a scenario file (docs/scenarios.md) from a claim of a JSON Lines file and the result it "
                + "gets now: its expect lists the edits as they fire today. Correct the expect to what the claim "
                + "should get, put the file under scenarios/ of a ruleset folder, and run 'claimrules test'.")
public final class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from-claim", required = true, paramLabel = "FILE",
            description = "Claims, JSON Lines (.gz read compressed; - for standard input).")
    String input;

    @Option(names = "--claim", required = true, paramLabel = "ID", description = "The claim ID to make the scenario from.")
    String claimId;

    @Option(names = "--output", paramLabel = "PATH", description = "The scenario file to write (default: standard output).")
    String output = OutputPaths.STANDARD;

    @Mixin
    RulesetOption ruleset;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!OutputPaths.reading("--from-claim", input).file("--output", output).ok(err)) {
            return ExitCodes.USAGE;
        }
        ClaimEngine engine = isolation.apply(ruleset.engine(err));
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        List<ClaimReader.Read> records;
        try {
            records = ClaimFile.read(input);
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read --from-claim " + input + ": no such file");
            return ExitCodes.USAGE;
        }
        List<ClaimReader.Read> matches = records.stream().filter(r -> claimId.equals(id(r))).toList();
        if (matches.size() != 1) {
            err.println("claimrules: " + (matches.isEmpty() ? "no claim " + claimId + " in " + input
                    : "claim " + claimId + " is on several lines of " + input + " ("
                    + String.join(", ", matches.stream().map(r -> Long.toString(r.inputLine())).toList())
                    + "); a scenario is made from one claim"));
            return ExitCodes.USAGE;
        }
        ClaimReader.Read target = matches.get(0);
        if (!target.ok()) {
            return notAResult(err, target.error());
        }
        List<Claim> claims = memberClaims(records, target);
        int index = java.util.stream.IntStream.range(0, claims.size()).filter(i -> claims.get(i) == target.claim())
                .findFirst().orElseThrow();
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            reads.add(new ClaimReader.Read(i + 1, claims.get(i), null));
        }
        Outcome outcome = new BatchScorer(engine, 1).score(reads).get(index);
        if (outcome instanceof ErrorRecord e) {
            return notAResult(err, e);
        }
        String description = "Claim " + claimId + " (line " + target.inputLine() + " of " + input + ") as ruleset "
                + engine.ruleset().version() + " scores it" + (claims.size() == 1 ? ""
                : claims.size() == 2 ? ", after the member's other claim in the file (its history)"
                : ", after the member's " + (claims.size() - 1) + " other claims in the file (its history)")
                + ". Change 'expect' to what the claim should get.";
        String text = ScenarioWriter.text(ScenarioWriter.scenario(description, claims, index, (ClaimResult) outcome));
        String problem = reproduces(engine, text);
        if (problem != null) {
            err.println("claimrules: the scenario made from claim " + claimId + " does not reproduce its result ("
                    + problem + "); nothing was written");
            return ExitCodes.SOME_ERRORS;
        }
        try {
            write(text, err);
        } catch (IOException e) {
            err.println("claimrules: writing " + output + " failed: " + e.getMessage() + "; nothing was written");
            return ExitCodes.OUTPUT_FAILED;
        }
        return ExitCodes.OK;
    }

    private static String id(ClaimReader.Read r) {
        return r.ok() ? r.claim().claimId() : r.error().claimId();
    }

    /** The target and the member's other readable claims, in input order: what its result depends on. */
    private static List<Claim> memberClaims(List<ClaimReader.Read> records, ClaimReader.Read target) {
        String member = target.claim().memberId();
        if (member == null) {
            return List.of(target.claim());
        }
        return records.stream().filter(ClaimReader.Read::ok).map(ClaimReader.Read::claim)
                .filter(c -> c == target.claim() || Objects.equals(member, c.memberId())).toList();
    }

    private int notAResult(PrintWriter err, ErrorRecord e) {
        err.println("claimrules: claim " + claimId + " gets an error record, not a result (" + e.error().code()
                + (e.error().field() == null ? "" : " at " + e.error().field()) + ": " + e.error().message()
                + "); a scenario expects a result, so fix the claim first");
        return ExitCodes.SOME_ERRORS;
    }

    /** Reads the text back as 'claimrules test' will and runs it: null when it passes, else why not. */
    private static String reproduces(ClaimEngine engine, String text) throws IOException {
        try {
            Scenario scenario = ScenarioLoader.parse(engine.ruleset().root(), "(scenario)", text);
            ScenarioRunner.Result result = new ScenarioRunner(engine).run(scenario);
            return result.passed() ? null : String.join("; ", result.differences());
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    private void write(String text, PrintWriter err) throws IOException {
        if (OutputPaths.STANDARD.equals(output)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        try (OutputFile file = OutputFile.create(Path.of(output))) {
            file.stream().write(text.getBytes(StandardCharsets.UTF_8));
            file.commit();
        }
        err.println("wrote " + output);
        err.flush();
    }
}
