package org.claimrules.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.tables.ReferenceData;

/**
 * Checks what claim-format.md requires before a claim is scored. The first problem found is thrown
 * with the field path ({@code lines[2].serviceDate}); indexes are 0-based positions in the arrays.
 */
final class ClaimValidator {

    static final int MAX_MODIFIERS = 4;

    private ClaimValidator() {
    }

    static void check(Claim claim, ReferenceData data) {
        require(claim.claimId(), "claimId");
        require(claim.payer(), "payer");
        require(claim.payer().profile(), "payer.profile");
        if (!data.knowsProfile(claim.payer().profile())) {
            throw new InvalidClaimException("UNKNOWN_PROFILE", "payer.profile", "unknown payer profile '"
                    + claim.payer().profile() + "'; known: " + String.join(", ", data.profileNames()));
        }
        require(claim.billingProvider(), "billingProvider");
        require(claim.billingProvider().role(), "billingProvider.role");
        require(claim.placeOfService(), "placeOfService");
        require(claim.patient(), "patient");
        require(claim.patient().memberId(), "patient.memberId");
        if (claim.lines().isEmpty()) {
            throw new InvalidClaimException("MISSING_FIELD", "lines", "the claim has no lines");
        }
        for (int i = 0; i < claim.diagnoses().size(); i++) {
            String dx = claim.diagnoses().get(i);
            if (dx == null || dx.isBlank()) {
                throw new InvalidClaimException("INVALID_VALUE", "diagnoses[" + i + "]", "empty diagnosis code");
            }
        }
        Set<Integer> numbers = new HashSet<>();
        List<ClaimLine> lines = claim.lines();
        for (int i = 0; i < lines.size(); i++) {
            checkLine(lines.get(i), "lines[" + i + "]", numbers);
        }
        List<HistoryEntry> history = claim.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            String at = "history[" + i + "]";
            require(h, at);
            require(h.serviceDate(), at + ".serviceDate");
            require(h.region(), at + ".region");
            require(h.intent(), at + ".intent");
        }
        if (claim.clinical() != null && claim.clinical().intent() == org.claimrules.model.Intent.RFA) {
            throw new InvalidClaimException("INVALID_VALUE", "clinical.intent",
                    "clinical.intent is DIAGNOSTIC or THERAPEUTIC; RFA appears only in history");
        }
    }

    private static void checkLine(ClaimLine line, String at, Set<Integer> numbers) {
        require(line, at);
        require(line.lineNumber(), at + ".lineNumber");
        if (line.lineNumber() < 1) {
            throw new InvalidClaimException("INVALID_VALUE", at + ".lineNumber", "line numbers start at 1");
        }
        if (!numbers.add(line.lineNumber())) {
            throw new InvalidClaimException("DUPLICATE_LINE", at + ".lineNumber",
                    "line number " + line.lineNumber() + " is used twice");
        }
        require(line.procedureCode(), at + ".procedureCode");
        if (line.procedureCode().isBlank()) {
            throw new InvalidClaimException("INVALID_VALUE", at + ".procedureCode", "empty procedure code");
        }
        require(line.units(), at + ".units");
        if (line.units() < 1) {
            throw new InvalidClaimException("INVALID_VALUE", at + ".units",
                    "units must be a positive whole number, not " + line.units());
        }
        require(line.serviceDate(), at + ".serviceDate");
        if (line.modifiers().size() > MAX_MODIFIERS) {
            throw new InvalidClaimException("INVALID_VALUE", at + ".modifiers",
                    "at most " + MAX_MODIFIERS + " modifiers, not " + line.modifiers().size());
        }
        for (int m = 0; m < line.modifiers().size(); m++) {
            String modifier = line.modifiers().get(m);
            if (modifier == null || modifier.length() != 2) {
                throw new InvalidClaimException("INVALID_VALUE", at + ".modifiers[" + m + "]",
                        "a modifier has two characters, not '" + modifier + "'");
            }
        }
        if (line.diagnosisPointers() != null) {
            for (int p = 0; p < line.diagnosisPointers().size(); p++) {
                Integer pointer = line.diagnosisPointers().get(p);
                if (pointer == null || pointer < 1) {
                    throw new InvalidClaimException("INVALID_VALUE", at + ".diagnosisPointers[" + p + "]",
                            "diagnosis pointers are 1-based, not " + pointer);
                }
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidClaimException("MISSING_FIELD", field, field + " is required");
        }
    }
}
