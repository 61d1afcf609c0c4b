package org.claimrules.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.Clinical;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Scale;

/**
 * What a bound claim must satisfy before anything computes with it, and the one normalisation
 * done at read time (docs/errors.md, "Numbers" and "Codes").
 *
 * <p>Numbers: a charge is money, so at most two decimal places and below 10^10; whole numbers are
 * at most 999,999 (the clinical ones also not negative, a percentage at most 100). JSON allows
 * {@code 1e999999999}, which as a {@code BigDecimal} costs nothing to read but a billion digits to
 * add to a total; bounding here keeps every later sum cheap and unable to overflow.
 *
 * <p>Codes: procedure codes, modifiers, diagnosis codes and the place of service are trimmed of
 * surrounding white space ({@code " 99213 "} is 99213). Untrimmed, such a code matches no code
 * list, so it would silently slip past every edit that looks for it.
 */
final class ReadChecks {

    /** Charges are below this many whole digits' worth: 10^10, ten billion. */
    static final int MAX_CHARGE_INTEGER_DIGITS = 10;
    static final int MAX_CHARGE_DECIMALS = 2;
    static final int MAX_WHOLE_NUMBER = 999_999;

    /** A value refused at read time: its field path and why (never the value itself). */
    record Problem(String field, String message) {
    }

    private ReadChecks() {
    }

    /** The first problem with the claim's numbers, or null. */
    static Problem numbers(Claim claim) {
        List<ClaimLine> lines = claim.lines();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            if (line == null) {
                continue; // ClaimValidator reports it with its path
            }
            String at = "lines[" + i + "]";
            Problem p = charge(line.charge(), at + ".charge");
            p = p != null ? p : whole(line.lineNumber(), at + ".lineNumber", Integer.MIN_VALUE, MAX_WHOLE_NUMBER);
            p = p != null ? p : whole(line.units(), at + ".units", Integer.MIN_VALUE, MAX_WHOLE_NUMBER);
            if (p == null && line.diagnosisPointers() != null) {
                for (int k = 0; k < line.diagnosisPointers().size() && p == null; k++) {
                    p = whole(line.diagnosisPointers().get(k), at + ".diagnosisPointers[" + k + "]",
                            Integer.MIN_VALUE, MAX_WHOLE_NUMBER);
                }
            }
            if (p != null) {
                return p;
            }
        }
        Clinical c = claim.clinical();
        if (c != null) {
            Problem p = whole(c.painDurationMonths(), "clinical.painDurationMonths", 0, MAX_WHOLE_NUMBER);
            p = p != null ? p : baseline(c.painScale(), "clinical.painScale.baseline");
            p = p != null ? p : baseline(c.disabilityScale(), "clinical.disabilityScale.baseline");
            if (p != null) {
                return p;
            }
        }
        List<HistoryEntry> history = claim.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            if (h == null) {
                continue;
            }
            Problem p = whole(h.reliefPercent(), "history[" + i + "].reliefPercent", 0, 100);
            p = p != null ? p : whole(h.reliefDurationWeeks(), "history[" + i + "].reliefDurationWeeks", 0, MAX_WHOLE_NUMBER);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Problem baseline(Scale scale, String field) {
        return scale == null ? null : whole(scale.baseline(), field, 0, MAX_WHOLE_NUMBER);
    }

    static Problem charge(BigDecimal charge, String field) {
        if (charge == null) {
            return null;
        }
        if (charge.signum() < 0) {
            return new Problem(field, field + ": a charge cannot be negative");
        }
        // precision - scale is the number of digits before the point; long arithmetic, since a scale
        // can be near Integer.MIN_VALUE. Neither call builds the digits.
        if ((long) charge.precision() - charge.scale() > MAX_CHARGE_INTEGER_DIGITS) {
            return new Problem(field, field + ": a charge must be below 10000000000 (10^10)");
        }
        if (charge.scale() > MAX_CHARGE_DECIMALS && charge.stripTrailingZeros().scale() > MAX_CHARGE_DECIMALS) {
            return new Problem(field, field + ": a charge has at most " + MAX_CHARGE_DECIMALS + " decimal places");
        }
        return null;
    }

    private static Problem whole(Integer value, String field, int min, int max) {
        if (value == null || (value >= min && value <= max)) {
            return null;
        }
        return new Problem(field, field + (value < min ? ": must not be below " + min : ": must not be above " + max));
    }

    /** The claim with its codes trimmed; the same instance when nothing needed trimming. */
    static Claim trimmedCodes(Claim claim) {
        boolean changed = false;
        List<ClaimLine> lines = new ArrayList<>(claim.lines().size());
        for (ClaimLine line : claim.lines()) {
            ClaimLine t = line == null ? null : trimmed(line);
            changed |= t != line;
            lines.add(t);
        }
        List<String> diagnoses = trimmed(claim.diagnoses());
        String pos = strip(claim.placeOfService());
        changed |= diagnoses != claim.diagnoses() || pos != claim.placeOfService();
        if (!changed) {
            return claim;
        }
        return new Claim(claim.claimId(), claim.payer(), claim.billingProvider(), pos,
                claim.priorAuthorization(), claim.patient(), diagnoses, lines, claim.clinical(), claim.history());
    }

    private static ClaimLine trimmed(ClaimLine line) {
        String code = strip(line.procedureCode());
        List<String> modifiers = trimmed(line.modifiers());
        if (code == line.procedureCode() && modifiers == line.modifiers()) {
            return line;
        }
        return new ClaimLine(line.lineNumber(), code, modifiers, line.units(), line.serviceDate(),
                line.diagnosisPointers(), line.charge());
    }

    /** The same list when no element needs trimming, so that unchanged claims are not copied. */
    private static List<String> trimmed(List<String> codes) {
        if (codes == null) {
            return null;
        }
        List<String> out = null;
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            String s = strip(c);
            if (s != c && out == null) {
                out = new ArrayList<>(codes.subList(0, i));
            }
            if (out != null) {
                out.add(s);
            }
        }
        return out == null ? codes : out;
    }

    /** {@code s} itself when it has no surrounding white space. */
    private static String strip(String s) {
        if (s == null || s.isEmpty()
                || !(Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
                        || Character.isSpaceChar(s.charAt(0)) || Character.isSpaceChar(s.charAt(s.length() - 1)))) {
            return s;
        }
        return s.strip().replaceAll("^\\p{Zs}+|\\p{Zs}+$", "");
    }
}
