package org.claimrules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A service line. Required numbers are boxed so that a missing value can be reported, not defaulted. */
public record ClaimLine(
        Integer lineNumber,
        String procedureCode,
        List<String> modifiers,
        Integer units,
        LocalDate serviceDate,
        List<Integer> diagnosisPointers,
        BigDecimal charge) {

    public ClaimLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnosisPointers = diagnosisPointers == null ? null : List.copyOf(diagnosisPointers);
    }
}
