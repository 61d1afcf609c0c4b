package org.claimrules.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimrules.engine.Evaluation;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;

/**
 * HOOK (claims history store, issue 11): a member's history from outside the batch, and where each
 * scored claim's sessions go. {@link BatchScorer#scoreMember(org.claimrules.engine.ClaimEngine, List,
 * MemberHistory)} applies it where a member's claims are grouped: it adds the stored sessions to
 * every claim of the member before scoring, and hands over each claim's final evaluation once the
 * member's outcomes have settled.
 */
public interface MemberHistory {

    /**
     * The member's sessions known from outside the batch, less those of {@code claimIds}: claims of
     * the batch that were recorded before are sent again, and replace what they recorded.
     */
    List<HistoryEntry> before(String memberId, Set<String> claimIds);

    /** A claim's final evaluation (not called for error records); called from scoring threads. */
    void scored(Evaluation evaluation);

    /**
     * The stored entries a claim counts: all but those dated on one of its own service dates. As
     * in the batch, a session on the claim's own date is the claim's to describe, not another
     * claim's (the practitioner's and the facility's claims of one session do not count it twice).
     */
    static List<HistoryEntry> countedBy(Claim claim, List<HistoryEntry> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Set<LocalDate> own = claim.lines().stream().map(ClaimLine::serviceDate)
                .filter(d -> d != null).collect(Collectors.toSet());
        return stored.stream().filter(e -> !own.contains(e.serviceDate())).toList();
    }

    /** The member's claims with their stored history added before their own. */
    static List<ClaimReader.Read> withStored(MemberHistory history, List<ClaimReader.Read> claims) {
        String member = claims.get(0).claim().memberId();
        if (member == null) {
            return claims;
        }
        Set<String> ids = claims.stream().map(r -> r.claim().claimId()).collect(Collectors.toSet());
        List<HistoryEntry> stored = history.before(member, ids);
        if (stored.isEmpty()) {
            return claims;
        }
        List<ClaimReader.Read> out = new ArrayList<>(claims.size());
        for (ClaimReader.Read r : claims) {
            out.add(new ClaimReader.Read(r.inputLine(), r.claim().withEarlierHistory(countedBy(r.claim(), stored)), null));
        }
        return out;
    }
}
