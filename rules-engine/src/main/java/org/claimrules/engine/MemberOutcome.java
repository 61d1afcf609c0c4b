package org.claimrules.engine;

import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;

/**
 * One claim of a member scored with its siblings: its evaluation (the result and what it adds to
 * the member's history), or why it has none.
 */
public record MemberOutcome(Claim claim, Evaluation evaluation, RuntimeException failure) {

    /** The result, or the error record (without input line) that stands in its place. */
    public Outcome outcome() {
        if (evaluation != null) {
            return evaluation.result();
        }
        if (failure instanceof InvalidClaimException e) {
            return ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), null);
        }
        return ErrorRecord.of(claim.claimId(), ErrorCode.ENGINE_ERROR, failure.getMessage(), null, null);
    }
}
