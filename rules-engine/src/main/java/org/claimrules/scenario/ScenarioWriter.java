package org.claimrules.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.Patient;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.LineResult;

/**
 * Writes a scenario file (docs/scenarios.md) from real claims and the result one of them gets:
 * the expectation is the result as it is, to be corrected by the analyst where it is wrong.
 */
public final class ScenarioWriter {

    /** Stands in for the member's ID: every claim of a scenario is of one member, and the real ID is PHI. */
    public static final String MEMBER = "MEMBER-1";

    private ScenarioWriter() {
    }

    /**
     * A scenario of {@code claims} (one member's, in input order) that expects {@code result} for
     * {@code claims.get(target)}. With one claim it is a single-claim scenario; with more, a batch
     * whose other items give the member's history and expect nothing.
     */
    public static ObjectNode scenario(String description, List<Claim> claims, int target, ClaimResult result) {
        ObjectNode scenario = Json.mapper().createObjectNode().put("description", description);
        if (claims.size() == 1) {
            scenario.set("claim", claim(claims.get(0)));
            scenario.set("expect", expect(result));
            return scenario;
        }
        ArrayNode batch = scenario.putArray("batch");
        for (int i = 0; i < claims.size(); i++) {
            ObjectNode item = batch.addObject();
            item.set("claim", claim(claims.get(i)));
            if (i == target) {
                item.set("expect", expect(result));
            }
        }
        return scenario;
    }

    /** The file's text: amounts as written (900.00, not 9E+2), {@code "key": value} as in the bundled files. */
    public static String text(ObjectNode scenario) throws JsonProcessingException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return Json.mapper().writer(printer).with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .writeValueAsString(scenario) + "\n";
    }

    /** The claim as the engine read it (so without fields the format does not know), under {@link #MEMBER}. */
    private static JsonNode claim(Claim c) {
        Patient p = c.patient();
        Claim pseudonymous = p == null ? c : new Claim(c.claimId(), c.payer(), c.billingProvider(), c.placeOfService(),
                c.priorAuthorization(), new Patient(MEMBER, p.birthDate(), p.sex()), c.diagnoses(), c.lines(),
                c.clinical(), c.history());
        return Json.mapper().valueToTree(pseudonymous);
    }

    /** Every edit by ID and line, the disposition, and each line's status and estimate (or its absence). */
    static ObjectNode expect(ClaimResult result) {
        ObjectNode expect = Json.mapper().createObjectNode().put("disposition", result.disposition().name());
        ArrayNode edits = expect.putArray("edits");
        for (Edit e : result.edits()) {
            ObjectNode edit = edits.addObject().put("editId", e.editId());
            if (e.lineNumber() != null) {
                edit.put("lineNumber", e.lineNumber());
            }
        }
        ArrayNode lines = expect.putArray("lines");
        for (LineResult l : result.lines()) {
            ObjectNode line = lines.addObject().put("lineNumber", l.lineNumber()).put("status", l.status().name());
            if (l.expectedAllowed() != null) {
                line.put("expectedAllowed", l.expectedAllowed());
            } else {
                line.put("noEstimate", true);
            }
        }
        return expect;
    }
}
