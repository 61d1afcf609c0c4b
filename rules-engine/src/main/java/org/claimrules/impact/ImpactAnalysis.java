package org.claimrules.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.Outcome;
import org.claimrules.model.result.Severity;

/** Compares the outcomes of the same claims, in the same order, under two rulesets. */
public final class ImpactAnalysis {

    private ImpactAnalysis() {
    }

    public static ImpactReport compare(String input, ImpactReport.RulesetInfo baseline, List<Outcome> before,
            ImpactReport.RulesetInfo changed, List<Outcome> after) {
        if (before.size() != after.size()) {
            throw new IllegalArgumentException("the two runs scored " + before.size() + " and " + after.size() + " claims");
        }
        Map<String, int[]> editCounts = new TreeMap<>();
        Map<String, Severity> severities = new TreeMap<>();
        List<ImpactReport.ClaimChange> changes = new ArrayList<>();
        BigDecimal paymentBefore = null;
        BigDecimal paymentAfter = null;
        for (int i = 0; i < before.size(); i++) {
            Outcome b = before.get(i);
            Outcome a = after.get(i);
            count(b, editCounts, severities, 0);
            count(a, editCounts, severities, 1);
            BigDecimal pb = expectedPayment(b);
            BigDecimal pa = expectedPayment(a);
            paymentBefore = add(paymentBefore, pb);
            paymentAfter = add(paymentAfter, pa);
            List<String> editsBefore = edits(b);
            List<String> editsAfter = edits(a);
            List<String> added = new ArrayList<>(editsAfter);
            added.removeAll(editsBefore);
            List<String> removed = new ArrayList<>(editsBefore);
            removed.removeAll(editsAfter);
            String db = disposition(b);
            String da = disposition(a);
            if (!db.equals(da) || !added.isEmpty() || !removed.isEmpty() || !ImpactReport.sameAmount(pb, pa)) {
                changes.add(new ImpactReport.ClaimChange(i + 1, a.claimId() != null ? a.claimId() : b.claimId(),
                        db, da, added, removed, pb, pa));
            }
        }
        List<ImpactReport.EditCount> counts = new ArrayList<>();
        editCounts.forEach((id, c) -> counts.add(new ImpactReport.EditCount(id, severities.get(id), c[0], c[1])));
        return new ImpactReport(input, baseline, changed, before.size(), errors(before), errors(after),
                dispositions(before), dispositions(after), changes, counts,
                new ImpactReport.Money(paymentBefore, paymentAfter));
    }

    private static void count(Outcome o, Map<String, int[]> counts, Map<String, Severity> severities, int run) {
        if (o instanceof ClaimResult r) {
            for (Edit e : r.edits()) {
                counts.computeIfAbsent(e.editId(), k -> new int[2])[run]++;
                // the changed ruleset's severity wins: it is the one the change is judged by
                if (run == 1 || !severities.containsKey(e.editId())) {
                    severities.put(e.editId(), e.severity());
                }
            }
        }
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
        return amount == null ? sum : sum == null ? amount : sum.add(amount);
    }

    private static List<String> edits(Outcome o) {
        List<String> out = new ArrayList<>();
        if (o instanceof ClaimResult r) {
            for (Edit e : r.edits()) {
                out.add(e.editId() + "@" + (e.lineNumber() == null ? "claim" : e.lineNumber()));
            }
        }
        return out;
    }

    private static String disposition(Outcome o) {
        return o instanceof ClaimResult r ? r.disposition().name() : "ERROR " + ((ErrorRecord) o).error().code();
    }

    /** The sum of the claim's line estimates; null when no line has one (no fee row, not allowed, an error record). */
    static BigDecimal expectedPayment(Outcome o) {
        BigDecimal sum = null;
        if (o instanceof ClaimResult r) {
            for (LineResult l : r.lines()) {
                sum = add(sum, l.expectedAllowed());
            }
        }
        return sum;
    }

    private static int errors(List<Outcome> outcomes) {
        return (int) outcomes.stream().filter(o -> o instanceof ErrorRecord).count();
    }

    private static Map<Disposition, Integer> dispositions(List<Outcome> outcomes) {
        Map<Disposition, Integer> byDisposition = new EnumMap<>(Disposition.class);
        for (Disposition d : Disposition.values()) {
            byDisposition.put(d, 0);
        }
        for (Outcome o : outcomes) {
            if (o instanceof ClaimResult r) {
                byDisposition.merge(r.disposition(), 1, Integer::sum);
            }
        }
        return new LinkedHashMap<>(byDisposition);
    }
}
