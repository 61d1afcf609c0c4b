package org.claimrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Region;
import org.claimrules.model.facts.Session;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.LineStatus;

/**
 * A scored claim with what the rules derived about its sessions, so that the member's later
 * claims in the same batch can count them.
 *
 * @param sessions the claim's own sessions as the rules derived them
 * @param facetLineRegions the region each facet line counted in, by line number
 */
public record Evaluation(Claim claim, ClaimResult result, List<Session> sessions, Map<Integer, Region> facetLineRegions) {

    /**
     * The sessions a later claim of the member counts: those with at least one facet line that was
     * not denied or returned. They carry the documented levels; their relief is not known yet.
     */
    public List<Session> sessionsForLaterClaims() {
        Set<Integer> counted = result.lines().stream()
                .filter(l -> l.status() == LineStatus.ALLOWED || l.status() == LineStatus.PENDED)
                .map(LineResult::lineNumber).collect(Collectors.toSet());
        List<String> levels = claim.clinical() == null || claim.clinical().levels() == null
                ? List.of() : claim.clinical().levels();
        List<Session> out = new ArrayList<>();
        for (Session s : sessions) {
            boolean kept = claim.lines().stream().anyMatch(l -> counted.contains(l.lineNumber())
                    && s.date().equals(l.serviceDate()) && s.region() == facetLineRegions.get(l.lineNumber()));
            if (kept) {
                out.add(new Session(s.date(), s.region(), s.intent(), false, levels, null, null,
                        "claim " + claim.claimId() + " in this batch"));
            }
        }
        return out;
    }

    /**
     * What this claim adds to the member's history, for the member's later claims and for a claims
     * history store: its sessions with a line that was not denied or returned, their relief unknown.
     */
    public List<HistoryEntry> historyForLaterClaims() {
        return sessionsForLaterClaims().stream()
                .map(s -> new HistoryEntry(s.date(), s.region(), s.intent(), s.levels(), null, null,
                        claim.claimId(), null, null))
                .toList();
    }
}
