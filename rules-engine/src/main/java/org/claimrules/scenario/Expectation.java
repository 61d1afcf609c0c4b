package org.claimrules.scenario;

import java.math.BigDecimal;
import java.util.List;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.LineStatus;

/**
 * What a claim must get. {@code edits} is the complete set of edits by ID and line: an edit that
 * fires and is not listed fails the scenario as much as a listed edit that does not fire.
 * {@code disposition} and {@code lines} are checked when given; a line's {@code expectedAllowed}
 * is checked when given, and {@code "noEstimate": true} requires the line to carry no estimate
 * (leaving both out checks nothing about payment).
 */
public record Expectation(Disposition disposition, List<ExpectedEdit> edits, List<ExpectedLine> lines) {

    public Expectation {
        edits = edits == null ? List.of() : List.copyOf(edits);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** An edit by ID on a line (no line number: a claim-level edit). */
    public record ExpectedEdit(String editId, Integer lineNumber) {
        @Override
        public String toString() {
            return editId + (lineNumber == null ? " (claim)" : " on line " + lineNumber);
        }
    }

    public record ExpectedLine(int lineNumber, LineStatus status, BigDecimal expectedAllowed, Boolean noEstimate) {

        public ExpectedLine {
            noEstimate = Boolean.TRUE.equals(noEstimate);
        }
    }
}
