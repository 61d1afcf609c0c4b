package org.claimrules.model.facts;

import java.time.LocalDate;
import java.util.List;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;

/**
 * A session of the member from before the claim being scored, as the engine hands it to the rules:
 * an entry of the claim's own history, of the member's earlier claims in the batch, or of a
 * history store, with where it came from (for messages and explanations) and its place among
 * them ({@code order}: the claim's history first, in its order). The family's rules
 * derive their sessions from these exactly as they derive the claim's own.
 */
public record PriorSession(HistoryEntry entry, String source, int order) {

    public LocalDate date() {
        return entry.serviceDate();
    }

    public Region region() {
        return entry.region();
    }

    public Intent intent() {
        return entry.intent();
    }

    public List<String> levels() {
        return entry.levels();
    }

    public Integer reliefPercent() {
        return entry.reliefPercent();
    }

    public Integer reliefDurationWeeks() {
        return entry.reliefDurationWeeks();
    }

    public String family() {
        return entry.family();
    }

    public boolean reliefDocumented() {
        return entry.reliefPercent() != null;
    }
}
