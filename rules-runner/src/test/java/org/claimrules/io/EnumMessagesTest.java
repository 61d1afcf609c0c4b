package org.claimrules.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimrules.testing.Rulesets;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.tables.TableProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages list the allowed values as words, not as a Java list ({@code [A, B]}). */
class EnumMessagesTest {

    @TempDir
    Path tmp;

    @Test
    void aClaimWithAnUnknownRoleListsTheRolesPlainly() throws Exception {
        String json = Files.readAllLines(Path.of("../examples/claims.jsonl")).get(0)
                .replace("\"role\": \"PRACTITIONER\"", "\"role\": \"SURGEON\"");
        assertTrue(json.contains("SURGEON"), "the fixture still has a role to change");
        String message = ClaimReader.read(json, 1).error().error().message();
        assertTrue(message.contains("one of PRACTITIONER, ASC_FACILITY, HOSPITAL_OUTPATIENT"), message);
        assertFalse(message.contains("["), message);
    }

    @Test
    void aTableCellWithAnUnknownRegionListsTheRegionsPlainly() throws Exception {
        Path rules = Rulesets.copyOfBundled(tmp.resolve("rules"));
        Path families = rules.resolve("tables/facet/code-families.csv");
        Files.writeString(families, Files.readString(families).replace("64490,CERVICAL_THORACIC,", "64490,NECK,"));
        RulesetException refused = org.junit.jupiter.api.Assertions.assertThrows(RulesetException.class,
                () -> ClaimEngine.fromDirectory(rules));
        List<String> problems = refused.problems().stream().map(Object::toString).toList();
        String message = problems.stream().filter(p -> p.contains("NECK")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for the changed cell: " + problems));
        assertTrue(message.contains("one of CERVICAL_THORACIC, LUMBAR_SACRAL"), message);
        assertFalse(message.contains("["), message);
    }
}
