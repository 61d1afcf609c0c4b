package org.claimrules.engine;

import java.util.List;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.ClaimResult;

/**
 * A scored claim with what it adds to the member's history, as its rules derived it (which
 * sessions count for later claims is the family's policy), for the member's later claims in a
 * batch and for a claims history store.
 */
public record Evaluation(Claim claim, ClaimResult result, List<HistoryEntry> recorded) {

    public Evaluation {
        recorded = List.copyOf(recorded);
    }

    /** What this claim adds to the member's history: sessions whose relief is not known yet. */
    public List<HistoryEntry> historyForLaterClaims() {
        return recorded;
    }
}
