package org.claimrules.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Severity;

/**
 * What changing a ruleset does to a set of claims: the same claims scored with a baseline and a
 * changed ruleset. Written as {@code impact.json}; the text and HTML reports are views of it.
 *
 * @param claims claims read (results and error records)
 * @param changedClaims claims whose disposition, edits or expected payment differ, in input order
 * @param editCounts every edit ID that fired in either run, with its count in each
 */
public record ImpactReport(
        String input,
        RulesetInfo baseline,
        RulesetInfo changed,
        int claims,
        int errorRecordsBefore,
        int errorRecordsAfter,
        Map<Disposition, Integer> dispositionsBefore,
        Map<Disposition, Integer> dispositionsAfter,
        List<ClaimChange> changedClaims,
        List<EditCount> editCounts,
        Money expectedPayment) {

    /** A ruleset compared: where it came from and the version its results carry. */
    public record RulesetInfo(String source, String version) {
    }

    /**
     * One claim that came back differently. Edits are written {@code <editId>@<line>} (@claim for
     * claim-level). An expected payment is null (absent from the JSON) when no line of the claim
     * has an estimate in that run: "no estimate", which is not a payment of 0.00.
     */
    public record ClaimChange(
            int position,
            String claimId,
            String dispositionBefore,
            String dispositionAfter,
            List<String> editsAdded,
            List<String> editsRemoved,
            BigDecimal expectedPaymentBefore,
            BigDecimal expectedPaymentAfter) {

        public boolean dispositionChanged() {
            return !java.util.Objects.equals(dispositionBefore, dispositionAfter);
        }
    }

    /** An edit's count in each run, with its severity (which tells whether more of it means more denials). */
    public record EditCount(String editId, Severity severity, int before, int after) {
        public int change() {
            return after - before;
        }
    }

    /**
     * Sum of the expected allowed amounts of all result lines; null in a run where no line of any
     * claim has an estimate. {@code change} is null unless both runs have an estimate.
     */
    public record Money(BigDecimal before, BigDecimal after) {
        public BigDecimal change() {
            return before == null || after == null ? null : after.subtract(before);
        }
    }

    /** Two amounts, either of which may be "no estimate" (null), are the same. */
    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public long dispositionChanges() {
        return changedClaims.stream().filter(ClaimChange::dispositionChanged).count();
    }
}
