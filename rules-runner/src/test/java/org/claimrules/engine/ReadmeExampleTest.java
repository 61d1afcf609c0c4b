package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.junit.jupiter.api.Test;

/** The README's embedding sample, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void theReadmeSampleScoresAClaim() throws Exception {
        String json = Files.readAllLines(Path.of("../examples/claims.jsonl")).get(5); // EX-006
        // --- as in the README ---
        ClaimEngine engine = ClaimEngine.bundled();
        ClaimReader.Read read = ClaimReader.read(json, 1);
        ClaimResult result = engine.score(read.claim());
        // ---
        assertEquals(Disposition.PARTIAL, result.disposition());
        assertEquals("FJ-UNIT-003", result.edits().get(0).editId());
        assertEquals("N115", result.edits().get(0).rarc());
    }

    @Test
    void aClaimThatCannotBeScoredRaisesInvalidClaimException() throws Exception {
        String json = Files.readAllLines(Path.of("../examples/claims.jsonl")).get(0)
                .replace("\"profile\": \"MEDICARE\"", "\"profile\": \"NOBODY\"");
        ClaimEngine engine = ClaimEngine.bundled();
        InvalidClaimException e = assertThrows(InvalidClaimException.class,
                () -> engine.score(ClaimReader.read(json, 1).claim()));
        assertEquals("payer.profile", e.field());
    }
}
