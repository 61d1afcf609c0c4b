package org.claimrules.history;

import java.util.List;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.Disposition;

/** A scored claim as the store records it: who, which rules, what came out, and the sessions that count later. */
public record ScoredClaim(String claimId, String memberId, String rulesetVersion, Disposition disposition,
        List<HistoryEntry> entries) {

    public ScoredClaim {
        entries = List.copyOf(entries);
    }
}
