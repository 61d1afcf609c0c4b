package org.claimrules.model;

import java.util.List;

/** One claim as it arrives (claim-format.md). Immutable; absent optional parts are null. */
public record Claim(
        String claimId,
        Payer payer,
        BillingProvider billingProvider,
        String placeOfService,
        PriorAuthorization priorAuthorization,
        Patient patient,
        List<String> diagnoses,
        List<ClaimLine> lines,
        Clinical clinical,
        List<HistoryEntry> history) {

    public Claim {
        diagnoses = diagnoses == null ? null : List.copyOf(diagnoses); // required, may be empty: null means missing
        lines = lines == null ? List.of() : List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public String profile() {
        return payer == null ? null : payer.profile();
    }

    /** The same claim with {@code earlier} added before its own history (from a store, say). */
    public Claim withEarlierHistory(List<HistoryEntry> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<HistoryEntry> all = new java.util.ArrayList<>(earlier);
        all.addAll(history);
        return new Claim(claimId, payer, billingProvider, placeOfService, priorAuthorization, patient,
                diagnoses, lines, clinical, all);
    }

    public String memberId() {
        return patient == null ? null : patient.memberId();
    }
}
