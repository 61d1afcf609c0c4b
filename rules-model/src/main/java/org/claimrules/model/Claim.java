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

    public String memberId() {
        return patient == null ? null : patient.memberId();
    }
}
