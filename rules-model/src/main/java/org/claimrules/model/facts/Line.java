package org.claimrules.model.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.claimrules.model.Clinical;

/**
 * A claim line as the rules see it: the diagnosis pointers already resolved to the (normalised)
 * codes they point to, so that the rules compare codes, not indexes, and the claim's clinical
 * documentation ({@code null} when the claim has none) carried on each line, so that a rule on one
 * line reads it without joining the claim's {@link Clinical} fact.
 */
public record Line(
        int lineNumber,
        String procedureCode,
        Set<String> modifiers,
        int units,
        LocalDate serviceDate,
        List<String> pointedDiagnoses,
        List<Integer> pointersPastList,
        Clinical clinical) {

    public Line {
        modifiers = Set.copyOf(modifiers);
        pointedDiagnoses = List.copyOf(pointedDiagnoses);
        pointersPastList = List.copyOf(pointersPastList);
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
