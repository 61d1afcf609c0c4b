package org.claimrules.model;

import java.time.LocalDate;
import java.util.List;

/** An earlier facet procedure of the member known to the payer (paid or pending, not denied). */
public record HistoryEntry(
        LocalDate serviceDate,
        Region region,
        Intent intent,
        List<String> levels,
        Integer reliefPercent,
        Integer reliefDurationWeeks,
        String claimId) {

    public HistoryEntry {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
