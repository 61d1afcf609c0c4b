package org.claimrules.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.claimrules.model.result.Disposition;

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

    /** One claim that came back differently. Edits are written {@code <editId>@<line>} (@claim for claim-level). */
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

    public record EditCount(String editId, int before, int after) {
        public int change() {
            return after - before;
        }
    }

    /** Sum of the expected allowed amounts of all result lines. */
    public record Money(BigDecimal before, BigDecimal after) {
        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    public long dispositionChanges() {
        return changedClaims.stream().filter(ClaimChange::dispositionChanged).count();
    }
}
