package org.claimrules.model;

import java.util.List;

/** What the procedure note and attachments document. A null field means "not documented". */
public record Clinical(
        Intent intent,
        Technique technique,
        Guidance imagingGuidance,
        List<String> levels,
        Laterality laterality,
        Integer painDurationMonths,
        Boolean conservativeCareFailed,
        Scale painScale,
        Scale disabilityScale,
        Boolean untreatedRadiculopathy,
        String rfaNonCandidateReason) {

    public Clinical {
        levels = levels == null ? null : List.copyOf(levels);
    }

    /** How many joints the note documents; none when the levels are not documented. */
    public int levelCount() {
        return levels == null ? 0 : levels.size();
    }

    public boolean rfaNonCandidateReasonDocumented() {
        return rfaNonCandidateReason != null && !rfaNonCandidateReason.isBlank();
    }
}
