package org.claimrules.model.result;

import java.util.List;

/** The result for one claim, in the order of claim-format.md. */
public record ClaimResult(
        String claimId,
        Disposition disposition,
        List<Edit> edits,
        List<LineResult> lines,
        String rulesetVersion) implements Outcome {

    public ClaimResult {
        edits = List.copyOf(edits);
        lines = List.copyOf(lines);
    }
}
