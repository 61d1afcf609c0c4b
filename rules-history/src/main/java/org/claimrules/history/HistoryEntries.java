package org.claimrules.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;

/** What of a member's stored history a claim counts. */
public final class HistoryEntries {

    private HistoryEntries() {
    }

    /**
     * The stored entries less those dated on one of the claim's own service dates: as in a batch,
     * a session on the claim's own date is the claim's to describe, not another claim's (the
     * practitioner's and the facility's claims of one session do not count it twice).
     */
    public static List<HistoryEntry> countedBy(Claim claim, List<HistoryEntry> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Set<LocalDate> own = claim.lines().stream().map(ClaimLine::serviceDate)
                .filter(d -> d != null).collect(Collectors.toSet());
        return stored.stream().filter(e -> !own.contains(e.serviceDate())).toList();
    }
}
