package org.claimrules.engine.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.tables.Tables;

/**
 * Checks what claim-format.md requires before a claim is scored, and the per-claim limits that keep
 * absurd input from costing unbounded time (docs/errors.md). The first problem found is thrown with
 * the field path ({@code lines[2].serviceDate}); indexes are 0-based positions in the arrays.
 * Messages never repeat patient data or diagnosis codes.
 */
public final class ClaimValidator {

    static final int MAX_MODIFIERS = 4;
    /** The 837I allows 999 service lines per claim, the 837P 50. */
    static final int MAX_LINES = 999;
    static final int MAX_DIAGNOSES = 99;
    static final int MAX_DIAGNOSIS_POINTERS = 12;
    static final int MAX_HISTORY = 1_000;
    static final int MAX_LEVELS = 50;
    static final int MAX_CLAIM_ID_CHARS = 100;
    /** Dates outside these years cannot be real services or births, and break date arithmetic. */
    static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private ClaimValidator() {
    }

    public static void check(Claim claim, Tables data) {
        require(claim.claimId(), "claimId");
        if (claim.claimId().isBlank()) {
            throw new InvalidClaimException(ErrorCode.MISSING_FIELD, "claimId", "claimId is empty");
        }
        if (claim.claimId().length() > MAX_CLAIM_ID_CHARS) {
            throw new InvalidClaimException(ErrorCode.TOO_LARGE, "claimId",
                    "claimId has more than " + MAX_CLAIM_ID_CHARS + " characters");
        }
        require(claim.payer(), "payer");
        require(claim.payer().profile(), "payer.profile");
        if (!data.knowsProfile(claim.payer().profile())) {
            throw new InvalidClaimException(ErrorCode.UNKNOWN_PROFILE, "payer.profile", "unknown payer profile '"
                    + shortened(claim.payer().profile()) + "'; known: " + String.join(", ", data.profileNames()));
        }
        require(claim.billingProvider(), "billingProvider");
        require(claim.billingProvider().role(), "billingProvider.role");
        require(claim.placeOfService(), "placeOfService");
        require(claim.patient(), "patient");
        require(claim.patient().memberId(), "patient.memberId");
        if (claim.patient().memberId().isBlank()) {
            throw new InvalidClaimException(ErrorCode.MISSING_FIELD, "patient.memberId", "patient.memberId is empty");
        }
        checkDate(claim.patient().birthDate(), "patient.birthDate");
        checkDiagnoses(claim.diagnoses());
        List<ClaimLine> lines = claim.lines();
        if (lines.isEmpty()) {
            throw new InvalidClaimException(ErrorCode.MISSING_FIELD, "lines", "the claim has no lines");
        }
        limit(lines, MAX_LINES, "lines");
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            checkLine(lines.get(i), "lines[" + i + "]", numbers);
        }
        checkHistory(claim.history());
        if (claim.clinical() != null) {
            if (claim.clinical().intent() == Intent.RFA) {
                throw new InvalidClaimException(ErrorCode.INVALID_VALUE, "clinical.intent",
                        "clinical.intent is DIAGNOSTIC or THERAPEUTIC; RFA appears only in history");
            }
            if (claim.clinical().levels() != null) {
                limit(claim.clinical().levels(), MAX_LEVELS, "clinical.levels");
            }
        }
        if (claim.priorAuthorization() != null) {
            checkDate(claim.priorAuthorization().decisionDate(), "priorAuthorization.decisionDate");
        }
    }

    private static void checkDiagnoses(List<String> diagnoses) {
        require(diagnoses, "diagnoses");
        limit(diagnoses, MAX_DIAGNOSES, "diagnoses");
        for (int i = 0; i < diagnoses.size(); i++) {
            String dx = diagnoses.get(i);
            if (dx == null || dx.isBlank()) {
                throw new InvalidClaimException(ErrorCode.INVALID_VALUE, "diagnoses[" + i + "]", "empty diagnosis code");
            }
        }
    }

    private static void checkHistory(List<HistoryEntry> history) {
        limit(history, MAX_HISTORY, "history");
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            String at = "history[" + i + "]";
            require(h, at);
            require(h.serviceDate(), at + ".serviceDate");
            checkDate(h.serviceDate(), at + ".serviceDate");
            require(h.region(), at + ".region");
            require(h.intent(), at + ".intent");
            limit(h.levels(), MAX_LEVELS, at + ".levels");
        }
    }

    private static void checkLine(ClaimLine line, String at, Set<Integer> numbers) {
        require(line, at);
        require(line.lineNumber(), at + ".lineNumber");
        if (line.lineNumber() < 1) {
            throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".lineNumber", "line numbers start at 1");
        }
        if (!numbers.add(line.lineNumber())) {
            throw new InvalidClaimException(ErrorCode.DUPLICATE_LINE, at + ".lineNumber",
                    "line number " + line.lineNumber() + " is used twice");
        }
        require(line.procedureCode(), at + ".procedureCode");
        if (line.procedureCode().isBlank()) {
            throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".procedureCode", "empty procedure code");
        }
        require(line.units(), at + ".units");
        if (line.units() < 1) {
            throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".units",
                    "units must be a positive whole number, not " + line.units());
        }
        require(line.serviceDate(), at + ".serviceDate");
        checkDate(line.serviceDate(), at + ".serviceDate");
        if (line.modifiers().size() > MAX_MODIFIERS) {
            throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".modifiers",
                    "at most " + MAX_MODIFIERS + " modifiers, not " + line.modifiers().size());
        }
        for (int m = 0; m < line.modifiers().size(); m++) {
            String modifier = line.modifiers().get(m);
            if (modifier == null || modifier.length() != 2) {
                throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".modifiers[" + m + "]",
                        "a modifier has two characters, not '" + shortened(modifier) + "'");
            }
        }
        if (line.diagnosisPointers() != null) {
            limit(line.diagnosisPointers(), MAX_DIAGNOSIS_POINTERS, at + ".diagnosisPointers");
            for (int p = 0; p < line.diagnosisPointers().size(); p++) {
                Integer pointer = line.diagnosisPointers().get(p);
                if (pointer == null || pointer < 1) {
                    throw new InvalidClaimException(ErrorCode.INVALID_VALUE, at + ".diagnosisPointers[" + p + "]",
                            "diagnosis pointers are 1-based, not " + pointer);
                }
            }
        }
    }

    private static void checkDate(LocalDate date, String field) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidClaimException(ErrorCode.INVALID_VALUE, field,
                    field + " is outside the years " + EARLIEST.getYear() + " to " + LATEST.getYear());
        }
    }

    private static void limit(List<?> list, int max, String field) {
        if (list.size() > max) {
            throw new InvalidClaimException(ErrorCode.TOO_LARGE, field,
                    field + " has " + list.size() + " entries; at most " + max + " are accepted");
        }
    }

    private static String shortened(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidClaimException(ErrorCode.MISSING_FIELD, field, field + " is required");
        }
    }
}
