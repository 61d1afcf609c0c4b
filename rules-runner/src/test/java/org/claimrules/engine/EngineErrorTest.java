package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.batch.BatchScorer;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.Rulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that blows the stack on one claim fails that claim only: an ENGINE_ERROR record in its place. */
class EngineErrorTest {

    private static final String RECURSING_RULE = """
            package rules.zz;

            import org.claimrules.model.*;

            function int deeper(int n) {
                return deeper(n + 1) + 1;
            }

            rule "Derive: recurse without end on claim DEEP-2 (test fixture)"
            when
                Claim( claimId == "DEEP-2" )
            then
                deeper(0);
            end
            """;

    @Test
    void aStackOverflowInARuleBecomesAnEngineErrorAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path rules = Rulesets.copyOfBundled(dir);
        Path file = rules.resolve("rules/zz/recursing.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, RECURSING_RULE);
        ClaimEngine engine = ClaimEngine.fromDirectory(rules);

        String claim = Files.readAllLines(Path.of("../examples/claims.jsonl")).get(0);
        List<ClaimReader.Read> batch = new ArrayList<>();
        for (String id : List.of("DEEP-1", "DEEP-2", "DEEP-3")) {
            batch.add(ClaimReader.read(claim.replace("\"EX-001\"", "\"" + id + "\"")
                    .replace("\"M-1001\"", "\"M-" + id + "\""), batch.size() + 1));
        }
        List<Outcome> outcomes = new BatchScorer(engine, 2).score(batch);

        assertTrue(outcomes.get(0) instanceof ClaimResult, outcomes.get(0)::toString);
        ErrorRecord crashed = (ErrorRecord) outcomes.get(1);
        assertEquals("ENGINE_ERROR", crashed.error().code());
        assertEquals("DEEP-2", crashed.claimId());
        assertTrue(outcomes.get(2) instanceof ClaimResult, outcomes.get(2)::toString);
    }
}
