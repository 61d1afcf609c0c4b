package org.claimrules.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An earlier procedure session of the member known to the payer (paid or pending, not denied):
 * from the claim's own {@code history}, from the member's earlier claims in a batch, or from the
 * claims history store. {@code family} (the ruleset's name for the procedure family, such as the
 * folder its rules live in) and {@code procedureCode} are optional: an entry sent without them is
 * read by the rules from its intent.
 */
public record HistoryEntry(
        LocalDate serviceDate,
        Region region,
        Intent intent,
        List<String> levels,
        Integer reliefPercent,
        Integer reliefDurationWeeks,
        String claimId,
        String family,
        String procedureCode) {

    public HistoryEntry {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** An entry as claim-format.md describes it, without family or code. */
    public HistoryEntry(LocalDate serviceDate, Region region, Intent intent, List<String> levels,
            Integer reliefPercent, Integer reliefDurationWeeks, String claimId) {
        this(serviceDate, region, intent, levels, reliefPercent, reliefDurationWeeks, claimId, null, null);
    }
}
