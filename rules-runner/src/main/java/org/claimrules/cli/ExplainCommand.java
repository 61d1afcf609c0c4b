package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.explain.Explainer;
import org.claimrules.explain.Explanation;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Streams;
import org.claimrules.model.Claim;
import org.claimrules.model.result.Edit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules explain}: one claim's edits, each with the rule and the facts that made it fire. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Score one claim and say why each edit fired: the rule, and the facts it matched (lines, codes, "
                + "session counts and their window, history entries, profile parameters). The claim is scored with "
                + "its own history only, not with other claims of a batch.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The claim, one JSON object (- for standard input); or a JSON Lines file with --claim.")
    String input;

    @Option(names = "--claim", paramLabel = "ID", description = "Pick this claim ID from a JSON Lines input.")
    String claimId;

    @Mixin
    RulesetOption ruleset;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClaimReader.Read read;
        try {
            read = readClaim(err);
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read input " + input + ": no such file");
            return ExitCodes.USAGE;
        }
        if (read == null) {
            return ExitCodes.USAGE;
        }
        if (!read.ok()) {
            err.println("claimrules: the claim cannot be read: " + read.error().error().message());
            return ExitCodes.SOME_ERRORS;
        }
        ClaimEngine engine = ruleset.engine(err);
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        Explanation explanation;
        try {
            explanation = new Explainer(engine).explain(read.claim());
        } catch (InvalidClaimException e) {
            err.println("claimrules: claim " + read.claim().claimId() + " cannot be scored: " + e.getMessage());
            return ExitCodes.SOME_ERRORS;
        }
        print(out, read.claim(), explanation, engine);
        return ExitCodes.OK;
    }

    private ClaimReader.Read readClaim(PrintWriter err) throws IOException {
        if (claimId == null) {
            StringWriter text = new StringWriter();
            try (Reader in = Streams.openInput(input)) {
                in.transferTo(text);
            }
            return ClaimReader.read(text.toString(), 1);
        }
        List<ClaimReader.Read> records = ClaimFile.read(input);
        for (ClaimReader.Read r : records) {
            if ((r.ok() && claimId.equals(r.claim().claimId())) || (!r.ok() && claimId.equals(r.error().claimId()))) {
                return r;
            }
        }
        err.println("claimrules: no claim " + claimId + " in " + input);
        return null;
    }

    private static void print(PrintWriter out, Claim claim, Explanation explanation, ClaimEngine engine) {
        out.println("Claim " + claim.claimId() + " (" + claim.profile() + "): " + explanation.result().disposition()
                + ", " + explanation.edits().size() + (explanation.edits().size() == 1 ? " edit" : " edits")
                + "; ruleset " + explanation.result().rulesetVersion());
        int n = 0;
        for (Explanation.EditReason reason : explanation.edits()) {
            Edit e = reason.edit();
            out.println();
            out.println(++n + ". " + e.editId() + (e.lineNumber() == null ? " on the claim" : " on line " + e.lineNumber())
                    + ": " + e.severity() + codes(e));
            out.println("   " + e.message());
            EditDefinition def = engine.ruleset().catalog().edits().stream()
                    .filter(d -> d.editId().equals(e.editId())).findFirst().orElse(null);
            if (reason.firings().isEmpty()) {
                out.println("   (no rule firing was recorded for this edit)");
            }
            for (Explanation.Firing f : reason.firings()) {
                out.println("   Rule \"" + f.ruleName() + "\"" + (f.location() == null ? "" : " (" + f.location() + ")")
                        + " fired because it matched:");
                facts(out, f.matched(), "     ");
            }
            if (def != null && def.reference() != null) {
                out.println("   Policy: " + def.reference());
            }
        }
        if (explanation.edits().isEmpty()) {
            out.println("No edits fired.");
        }
        out.flush();
    }

    private static void facts(PrintWriter out, List<Explanation.Fact> facts, String indent) {
        for (Explanation.Fact fact : facts) {
            out.println(indent + "- " + fact.description());
            if (fact.derivedBy() != null) {
                out.println(indent + "    derived by \"" + fact.derivedBy().ruleName() + "\" from:");
                facts(out, fact.derivedBy().matched(), indent + "      ");
            }
        }
    }

    private static String codes(Edit e) {
        if (e.groupCode() == null) {
            return "";
        }
        return " (" + e.groupCode() + " " + e.carc() + (e.rarc() == null ? "" : ", " + e.rarc()) + ")";
    }
}
