package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
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
        description = "Score claims and say why each edit fired: the rule, and the facts it matched (lines, codes, "
                + "session counts and their window, history entries, profile parameters). Each claim is scored as "
                + "score scores it: with its member's other claims in the input. Without --claim, every claim of "
                + "the input is explained.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "One claim (a JSON object; - for standard input) or a JSON Lines file of claims.")
    String input;

    @Option(names = "--claim", paramLabel = "ID", description = "Explain only this claim ID of the input.")
    String claimId;

    @Mixin
    RulesetOption ruleset;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ClaimReader.Read> records;
        try {
            records = readClaims();
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read input " + input + ": no such file");
            return ExitCodes.USAGE;
        }
        List<ClaimReader.Read> targets = records.stream().filter(r -> claimId == null
                || claimId.equals(r.ok() ? r.claim().claimId() : r.error().claimId())).toList();
        if (targets.isEmpty()) {
            err.println(claimId == null ? "claimrules: no claim in " + input : "claimrules: no claim " + claimId + " in " + input);
            return ExitCodes.USAGE;
        }
        ClaimEngine engine = ruleset.engine(err);
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        Explainer explainer = new Explainer(engine);
        int exit = ExitCodes.OK;
        for (ClaimReader.Read target : targets) {
            if (target != targets.get(0)) {
                out.println();
                out.println("----");
            }
            if (!target.ok()) {
                err.println("claimrules: the record on input line " + target.inputLine() + " cannot be read: "
                        + target.error().error().message());
                exit = ExitCodes.SOME_ERRORS;
                continue;
            }
            List<Claim> member = member(records, target);
            try {
                Explanation explanation = explainer.explain(member, member.indexOf(target.claim()));
                print(out, target.claim(), explanation, engine, member.size() - 1);
            } catch (InvalidClaimException e) {
                err.println("claimrules: claim " + target.claim().claimId() + " cannot be scored: " + e.getMessage());
                exit = ExitCodes.SOME_ERRORS;
            }
        }
        out.flush();
        return exit;
    }

    /** The claims of the target's member in the file, in file order, as {@code score} scores them together. */
    private static List<Claim> member(List<ClaimReader.Read> records, ClaimReader.Read target) {
        String memberId = target.claim().memberId();
        List<Claim> member = new ArrayList<>();
        for (ClaimReader.Read r : records) {
            if (r == target || (r.ok() && memberId != null && memberId.equals(r.claim().memberId()))) {
                member.add(r.claim());
            }
        }
        return member;
    }

    /** One claim (a JSON object, on one line or several), or a JSON Lines file of claims. */
    private List<ClaimReader.Read> readClaims() throws IOException {
        StringWriter text = new StringWriter();
        try (Reader in = Streams.openInput(input)) {
            in.transferTo(text);
        }
        ClaimReader.Read whole = ClaimReader.read(text.toString(), 1);
        if (whole.ok() || text.toString().strip().indexOf('\n') < 0) {
            return List.of(whole);
        }
        return ClaimFile.read(input);
    }

    private static void print(PrintWriter out, Claim claim, Explanation explanation, ClaimEngine engine, int siblings) {
        out.println("Claim " + claim.claimId() + " (" + claim.profile() + "): " + explanation.result().disposition()
                + ", " + explanation.edits().size() + (explanation.edits().size() == 1 ? " edit" : " edits")
                + "; ruleset " + explanation.result().rulesetVersion());
        if (siblings > 0) {
            out.println("Scored with the member's " + siblings + " other " + (siblings == 1 ? "claim" : "claims")
                    + " in this input, as score does: the sessions they record are marked \"in this batch\" below.");
        }
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
