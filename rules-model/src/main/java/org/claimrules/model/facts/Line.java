package org.claimrules.model.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.Clinical;

/**
 * A claim line as the rules see it: the diagnosis pointers already resolved to the (normalised)
 * codes they point to, so that the rules compare codes, not indexes. Each line carries the claim
 * it belongs to, so that a rule on one line reads the claim's header and documentation without
 * joining the claim's facts (a join costs on every claim, a constraint on one fact almost nothing).
 * Two lines are equal when they are of the same claim (the same instance) and equal field by field;
 * the claim takes no part in the hash code, so that hashing a line does not walk its claim.
 */
public record Line(
        int lineNumber,
        String procedureCode,
        Set<String> modifiers,
        int units,
        LocalDate serviceDate,
        List<String> pointedDiagnoses,
        List<Integer> pointersPastList,
        Claim claim) {

    public Line {
        modifiers = Set.copyOf(modifiers);
        pointedDiagnoses = List.copyOf(pointedDiagnoses);
        pointersPastList = List.copyOf(pointersPastList);
    }

    /** The claim's clinical documentation; {@code null} when the claim has none. */
    public Clinical clinical() {
        return claim.clinical();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Line l && claim == l.claim && lineNumber == l.lineNumber && units == l.units
                && Objects.equals(procedureCode, l.procedureCode) && modifiers.equals(l.modifiers)
                && Objects.equals(serviceDate, l.serviceDate) && pointedDiagnoses.equals(l.pointedDiagnoses)
                && pointersPastList.equals(l.pointersPastList);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, procedureCode, modifiers, units, serviceDate, pointedDiagnoses,
                pointersPastList);
    }

    /** The line's own fields and its claim's ID (not the whole claim). */
    @Override
    public String toString() {
        return "Line[claim " + claim.claimId() + ", lineNumber=" + lineNumber + ", procedureCode=" + procedureCode
                + ", modifiers=" + modifiers + ", units=" + units + ", serviceDate=" + serviceDate
                + ", pointedDiagnoses=" + pointedDiagnoses + ", pointersPastList=" + pointersPastList + "]";
    }

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    /** The line carries RT or LT but not both. */
    public boolean oneSide() {
        return hasModifier("RT") != hasModifier("LT");
    }

    public String side() {
        return hasModifier("RT") ? "RT" : hasModifier("LT") ? "LT" : null;
    }

    /** This line and the other each carry one side, and not the same one (one RT, one LT). */
    public boolean oppositeSide(Line other) {
        return oneSide() && other.oneSide() && !side().equals(other.side());
    }

}
