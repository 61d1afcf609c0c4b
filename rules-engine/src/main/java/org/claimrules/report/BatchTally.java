package org.claimrules.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.LineStatus;
import org.claimrules.model.result.Severity;

/**
 * Counts of a batch's outcomes, filled by one scoring task at a time and merged. Sums only, so the
 * totals do not depend on the order claims are scored in. Denied charges: a denied line's charge
 * counts once in the total and once under each DENY edit on the line; the charges of lines that
 * several edits denied are also summed, so that a report can say by how much the per-edit amounts
 * overlap (which edit "owns" a line denied for two reasons is not a fact the rules give).
 */
public final class BatchTally {

    long results;
    long errors;
    final Map<Disposition, Long> byDisposition = new EnumMap<>(Disposition.class);
    final Map<String, Long> errorsByCode = new TreeMap<>();
    final Map<String, Long> editCounts = new TreeMap<>();
    final Map<String, Long> claimsByEdit = new TreeMap<>();
    final Map<String, String> editFamily = new TreeMap<>();
    final Map<String, Long> editsByFamily = new TreeMap<>();
    final Map<String, Map<Disposition, Long>> byProfile = new TreeMap<>();
    final Map<String, Map<Disposition, Long>> byPlaceOfService = new TreeMap<>();
    final Map<String, BigDecimal> deniedChargesByEdit = new TreeMap<>();
    BigDecimal billedCharges = BigDecimal.ZERO;
    BigDecimal deniedCharges = BigDecimal.ZERO;
    BigDecimal deniedBySeveralEdits = BigDecimal.ZERO;

    public void add(Claim claim, ClaimResult result) {
        results++;
        Disposition d = result.disposition();
        byDisposition.merge(d, 1L, Long::sum);
        byProfile.computeIfAbsent(claim.profile(), k -> new EnumMap<>(Disposition.class)).merge(d, 1L, Long::sum);
        byPlaceOfService.computeIfAbsent(claim.placeOfService(), k -> new EnumMap<>(Disposition.class))
                .merge(d, 1L, Long::sum);
        Set<String> onClaim = new HashSet<>();
        Map<Integer, Set<String>> denyEditsByLine = new HashMap<>();
        for (Edit e : result.edits()) {
            editCounts.merge(e.editId(), 1L, Long::sum);
            if (onClaim.add(e.editId())) {
                claimsByEdit.merge(e.editId(), 1L, Long::sum);
            }
            String family = e.category() == null ? "OTHER" : e.category();
            editFamily.putIfAbsent(e.editId(), family);
            editsByFamily.merge(family, 1L, Long::sum);
            if (e.severity() == Severity.DENY && e.lineNumber() != null) {
                denyEditsByLine.computeIfAbsent(e.lineNumber(), k -> new HashSet<>()).add(e.editId());
            }
        }
        Map<Integer, BigDecimal> charges = new HashMap<>();
        for (ClaimLine line : claim.lines()) {
            if (summable(line.charge())) {
                charges.put(line.lineNumber(), line.charge());
                billedCharges = billedCharges.add(line.charge());
            }
        }
        for (LineResult line : result.lines()) {
            BigDecimal charge = charges.get(line.lineNumber());
            if (line.status() != LineStatus.DENIED || charge == null) {
                continue;
            }
            deniedCharges = deniedCharges.add(charge);
            Set<String> denying = denyEditsByLine.getOrDefault(line.lineNumber(), Set.of());
            if (denying.size() > 1) {
                deniedBySeveralEdits = deniedBySeveralEdits.add(charge);
            }
            for (String edit : denying) {
                deniedChargesByEdit.merge(edit, charge, BigDecimal::add);
            }
        }
    }

    /**
     * Charges read by ClaimReader are below 10^10 with two decimals. A claim built another way may
     * carry any BigDecimal, and adding {@code 1e999999999} to a total needs a billion-digit number
     * (or overflows BigInteger): such a charge is left out of the sums, so that counting can never
     * fail a batch or take unbounded time.
     */
    static boolean summable(BigDecimal charge) {
        return charge != null && charge.scale() >= -MAX_DIGITS && charge.scale() <= MAX_DIGITS
                && (long) charge.precision() - charge.scale() <= MAX_DIGITS;
    }

    /** Far above any real amount: digits before or after the point of a charge that is summed. */
    private static final int MAX_DIGITS = 18;

    public void add(ErrorRecord error) {
        errors++;
        errorsByCode.merge(error.error().code(), 1L, Long::sum);
    }

    public synchronized void merge(BatchTally other) {
        results += other.results;
        errors += other.errors;
        other.byDisposition.forEach((k, v) -> byDisposition.merge(k, v, Long::sum));
        other.errorsByCode.forEach((k, v) -> errorsByCode.merge(k, v, Long::sum));
        other.editCounts.forEach((k, v) -> editCounts.merge(k, v, Long::sum));
        other.claimsByEdit.forEach((k, v) -> claimsByEdit.merge(k, v, Long::sum));
        other.editFamily.forEach(editFamily::putIfAbsent);
        other.editsByFamily.forEach((k, v) -> editsByFamily.merge(k, v, Long::sum));
        other.byProfile.forEach((k, m) -> m.forEach((d, v) ->
                byProfile.computeIfAbsent(k, x -> new EnumMap<>(Disposition.class)).merge(d, v, Long::sum)));
        other.byPlaceOfService.forEach((k, m) -> m.forEach((d, v) ->
                byPlaceOfService.computeIfAbsent(k, x -> new EnumMap<>(Disposition.class)).merge(d, v, Long::sum)));
        other.deniedChargesByEdit.forEach((k, v) -> deniedChargesByEdit.merge(k, v, BigDecimal::add));
        billedCharges = billedCharges.add(other.billedCharges);
        deniedCharges = deniedCharges.add(other.deniedCharges);
        deniedBySeveralEdits = deniedBySeveralEdits.add(other.deniedBySeveralEdits);
    }

    /** A consistent copy, which workers still merging into this tally cannot change. */
    public synchronized BatchTally copy() {
        BatchTally c = new BatchTally();
        c.merge(this);
        return c;
    }

    public synchronized long results() {
        return results;
    }

    public synchronized long errors() {
        return errors;
    }

    public synchronized Map<Disposition, Long> byDisposition() {
        Map<Disposition, Long> all = new EnumMap<>(Disposition.class);
        for (Disposition d : Disposition.values()) {
            all.put(d, byDisposition.getOrDefault(d, 0L));
        }
        return all;
    }
}
