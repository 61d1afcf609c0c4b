package org.claimrules.model.facts;

import java.time.LocalDate;
import java.util.List;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;

/**
 * All facet procedures of the member on one service date in one region. {@code current} sessions
 * are derived from the claim being scored; the others come from the supplied history or from the
 * member's earlier claims in the same batch. Relief is what was documented afterwards (null: not
 * documented).
 */
public record Session(
        LocalDate date,
        Region region,
        Intent intent,
        boolean current,
        List<String> levels,
        Integer reliefPercent,
        Integer reliefDurationWeeks,
        String source) {

    public Session {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** The rolling 12-month window is the days after this date up to the session date. */
    public LocalDate windowStart() {
        return date.minusMonths(12);
    }

    public boolean inWindowBefore(Session later) {
        return date.isAfter(later.windowStart()) && date.isBefore(later.date());
    }

    public boolean reliefDocumented() {
        return reliefPercent != null;
    }

    /** Relief documented at or above both bars (null weeks count as not documented). */
    public boolean reliefAtLeast(int percent, int weeks) {
        return reliefPercent != null && reliefPercent >= percent
                && reliefDurationWeeks != null && reliefDurationWeeks >= weeks;
    }

    public boolean treatedAnyOf(List<String> otherLevels) {
        if (otherLevels == null) {
            return false;
        }
        for (String level : levels) {
            if (otherLevels.contains(level)) {
                return true;
            }
        }
        return false;
    }

    public String describe() {
        return intent.name().toLowerCase() + " session of " + date + " (" + source + ")";
    }
}
