package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What scenario files do not check: the adjustment codes an edit carries. GA turns FJ-UNIT-003's
 * CO into PR; N115 is added to LCD edits on Medicare from the LCD date on; edits that only the
 * Medicare parameters switch on stay silent before that date, whatever the day the engine runs.
 */
class AdjustmentCodesTest {

    private static ClaimEngine engine;
    private static ObjectNode threeLevels;

    @BeforeAll
    static void load() throws Exception {
        engine = ClaimEngine.bundled();
        threeLevels = (ObjectNode) Json.mapper().readTree(Files.readAllLines(Path.of("../examples/claims.jsonl")).get(5));
    }

    @Test
    void aThirdLevelLineIsDeniedToTheProviderWithTheLcdRemark() {
        Edit unit003 = only(score(threeLevels), "FJ-UNIT-003");
        assertEquals("CO", unit003.groupCode());
        assertEquals("50", unit003.carc());
        assertEquals("N115", unit003.rarc());
    }

    @Test
    void withGaTheThirdLevelIsThePatientsResponsibility() {
        ObjectNode claim = threeLevels.deepCopy();
        ((ArrayNode) claim.withArray("lines").get(2).withArray("modifiers")).add("GA");
        Edit unit003 = only(score(claim), "FJ-UNIT-003");
        assertEquals("PR", unit003.groupCode());
    }

    @Test
    void beforeTheLcdDateMedicareOnlyEditsAreSilentAndNoN115IsAdded() {
        ObjectNode claim = threeLevels.deepCopy();
        claim.withArray("lines").forEach(l -> ((ObjectNode) l).put("serviceDate", "2021-05-01"));
        claim.put("claimId", "BEFORE-LCD");
        ClaimResult result = score(claim);
        assertTrue(result.edits().stream().noneMatch(e -> e.editId().equals("FJ-UNIT-003")), result.edits().toString());
        claim.withArray("lines").forEach(l -> ((ObjectNode) l).put("serviceDate", "2021-05-02"));
        assertEquals("N115", only(score(claim), "FJ-UNIT-003").rarc());
    }

    @Test
    void commercialPaysThirdLevelsAndAddsNoLcdRemark() {
        ObjectNode claim = threeLevels.deepCopy();
        ((ObjectNode) claim.get("payer")).put("profile", "COMMERCIAL");
        ((ArrayNode) claim.withArray("diagnoses")).removeAll().add("M47.816");
        claim.set("priorAuthorization", Json.mapper().createObjectNode()
                .put("number", "A-1").put("decision", "AFFIRMED").put("decisionDate", "2026-02-20"));
        claim.withArray("lines").forEach(l -> ((ArrayNode) ((ObjectNode) l).withArray("modifiers")).removeAll().add("50"));
        ((ObjectNode) claim.get("clinical")).put("intent", "DIAGNOSTIC");
        ClaimResult result = score(claim);
        assertEquals(List.of(), result.edits());
        assertNull(result.lines().get(2).expectedAllowed(), "64495 has no fee row, so no estimate");
    }

    private static Edit only(ClaimResult result, String editId) {
        List<Edit> edits = result.edits().stream().filter(e -> e.editId().equals(editId)).toList();
        assertEquals(1, edits.size(), result.edits().toString());
        return edits.get(0);
    }

    private static ClaimResult score(ObjectNode json) {
        try {
            return engine.score(Json.mapper().treeToValue(json, Claim.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
