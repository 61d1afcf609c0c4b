package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.facts.Line;
import org.claimrules.model.facts.PriorSession;
import org.claimrules.model.tables.DiagnosisCodes;
import org.claimrules.tables.Tables;

/**
 * Turns a claim into the facts the rules match on. It only resolves: lines get their pointed
 * diagnosis codes; the claim gets the table rows its keys select (all their validity periods: the
 * rules pick by service date); the member's earlier sessions come from the claim's history and from
 * earlier claims of the batch. It makes no policy decision and knows no procedure family.
 */
public final class FactAssembler {

    private FactAssembler() {
    }

    public static List<Object> facts(Claim claim, List<HistoryEntry> earlierInBatch, Tables tables) {
        List<Object> facts = new ArrayList<>();
        facts.add(claim);
        if (claim.clinical() != null) {
            facts.add(claim.clinical());
        }
        if (claim.priorAuthorization() != null) {
            facts.add(claim.priorAuthorization());
        }
        List<String> diagnoses = claim.diagnoses().stream().map(DiagnosisCodes::normalize).toList();
        for (ClaimLine line : claim.lines()) {
            facts.add(line(line, diagnoses, claim));
        }
        facts.addAll(tables.rowsFor(claim));
        int order = 0;
        for (HistoryEntry h : claim.history()) {
            facts.add(new PriorSession(h, h.claimId() == null ? "history" : "history claim " + h.claimId(), order++));
        }
        for (HistoryEntry h : earlierInBatch) {
            facts.add(new PriorSession(h, "claim " + h.claimId() + " in this batch", order++));
        }
        return facts;
    }

    static Line line(ClaimLine line, List<String> diagnoses, Claim claim) {
        List<String> pointed = new ArrayList<>();
        List<Integer> pastList = new ArrayList<>();
        if (line.diagnosisPointers() == null) {
            pointed.addAll(diagnoses);
        } else {
            for (int pointer : line.diagnosisPointers()) {
                if (pointer >= 1 && pointer <= diagnoses.size()) {
                    pointed.add(diagnoses.get(pointer - 1));
                } else {
                    pastList.add(pointer);
                }
            }
        }
        return new Line(line.lineNumber(), line.procedureCode(), Set.copyOf(line.modifiers()), line.units(),
                line.serviceDate(), pointed, pastList, claim);
    }
}
