package org.claimrules.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.io.Json;

/** Claims for robustness tests: one valid claim as JSON to break in one place, and the shared engine. */
public final class TestClaims {

    private static ClaimEngine engine;

    private TestClaims() {
    }

    /** The bundled engine, loaded once per test JVM. */
    public static synchronized ClaimEngine engine() {
        if (engine == null) {
            try {
                engine = ClaimEngine.bundled();
            } catch (RulesetException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    /** The example claim of claim-format.md: valid, scored ACCEPT by the bundled ruleset. */
    public static ObjectNode valid(String claimId, String memberId) {
        ObjectNode claim = Json.mapper().createObjectNode();
        claim.put("claimId", claimId);
        claim.putObject("payer").put("profile", "MEDICARE").put("mac", "CGS_J15");
        claim.putObject("billingProvider").put("npi", "1234567893").put("role", "PRACTITIONER")
                .put("priorAuthExempt", false);
        claim.put("placeOfService", "11");
        claim.putObject("priorAuthorization").put("number", "UTN12345678901").put("decision", "AFFIRMED")
                .put("decisionDate", "2026-02-20");
        claim.putObject("patient").put("memberId", memberId).put("birthDate", "1958-04-02").put("sex", "F");
        claim.putArray("diagnoses").add("M47.816").add("M54.50");
        ArrayNode lines = claim.putArray("lines");
        lines.add(line(1, "64493"));
        lines.add(line(2, "64494"));
        ObjectNode clinical = claim.putObject("clinical");
        clinical.put("intent", "DIAGNOSTIC").put("technique", "MEDIAL_BRANCH_BLOCK")
                .put("imagingGuidance", "FLUOROSCOPY").put("laterality", "BILATERAL")
                .put("painDurationMonths", 6).put("conservativeCareFailed", true)
                .put("untreatedRadiculopathy", false);
        clinical.putArray("levels").add("L4-L5").add("L5-S1");
        clinical.putObject("painScale").put("name", "NRS").put("baseline", 7);
        clinical.putObject("disabilityScale").put("name", "ODI").put("baseline", 42);
        ObjectNode history = claim.putArray("history").addObject();
        history.put("serviceDate", "2026-02-10").put("region", "LUMBAR_SACRAL").put("intent", "DIAGNOSTIC")
                .put("reliefPercent", 85).put("reliefDurationWeeks", 0).put("claimId", "C-0990");
        history.putArray("levels").add("L4-L5").add("L5-S1");
        return claim;
    }

    public static ObjectNode line(int number, String code) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("lineNumber", number).put("procedureCode", code);
        line.putArray("modifiers").add("KX").add("50");
        line.put("units", 1).put("serviceDate", "2026-03-02");
        line.putArray("diagnosisPointers").add(1);
        line.put("charge", number == 1 ? 900.00 : 450.00);
        return line;
    }
}
