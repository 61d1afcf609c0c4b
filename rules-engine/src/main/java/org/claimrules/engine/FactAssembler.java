package org.claimrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.facts.Line;
import org.claimrules.model.facts.Session;
import org.claimrules.model.tables.DiagnosisCodes;
import org.claimrules.tables.ReferenceData;

/**
 * Turns a claim into the facts the rules match on. It only resolves: lines get their pointed
 * diagnosis codes; the claim gets the table rows keyed by its codes, modifiers, diagnoses and
 * profile (all their validity periods: the rules pick by service date); the member's earlier
 * sessions come from the history and from earlier claims of the batch. It makes no policy decision.
 */
final class FactAssembler {

    private FactAssembler() {
    }

    static List<Object> facts(Claim claim, List<Session> earlierInBatch, ReferenceData data) {
        List<Object> facts = new ArrayList<>();
        facts.add(claim);
        if (claim.clinical() != null) {
            facts.add(claim.clinical());
        }
        if (claim.priorAuthorization() != null) {
            facts.add(claim.priorAuthorization());
        }
        List<String> diagnoses = claim.diagnoses().stream().map(DiagnosisCodes::normalize).toList();
        Set<String> codes = new LinkedHashSet<>();
        for (ClaimLine line : claim.lines()) {
            facts.add(line(line, diagnoses));
            codes.add(line.procedureCode());
            codes.addAll(line.modifiers());
        }
        for (String code : codes) {
            facts.addAll(data.facetCode(code));
            facts.addAll(data.codeListEntries(code));
        }
        for (String dx : new LinkedHashSet<>(diagnoses)) {
            facts.addAll(data.coveredDiagnosis(dx));
        }
        facts.addAll(data.profile(claim.profile()));
        facts.addAll(data.priorAuthorization(claim.profile()));
        facts.addAll(data.junctionRules(claim.profile(), claim.payer().mac()));
        facts.addAll(earlierSessions(claim.history(), earlierInBatch));
        return facts;
    }

    static Line line(ClaimLine line, List<String> diagnoses) {
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
                line.serviceDate(), pointed, pastList);
    }

    /**
     * One session per date, region and intent. Where the history and an earlier claim of the batch
     * describe the same session, the one with documented relief wins (the history usually).
     */
    static List<Session> earlierSessions(List<HistoryEntry> history, List<Session> earlierInBatch) {
        Map<String, Session> byKey = new LinkedHashMap<>();
        for (HistoryEntry h : history) {
            String source = h.claimId() == null ? "history" : "history claim " + h.claimId();
            merge(byKey, new Session(h.serviceDate(), h.region(), h.intent(), false, h.levels(),
                    h.reliefPercent(), h.reliefDurationWeeks(), source));
        }
        for (Session s : earlierInBatch) {
            merge(byKey, s);
        }
        return List.copyOf(byKey.values());
    }

    private static void merge(Map<String, Session> byKey, Session session) {
        String key = session.date() + " " + session.region() + " " + session.intent();
        Session existing = byKey.get(key);
        if (existing == null || (!existing.reliefDocumented() && session.reliefDocumented())) {
            byKey.put(key, session);
        }
    }
}
