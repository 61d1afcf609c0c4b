package org.claimrules.cli;

import static org.claimrules.testing.TestClaims.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line keeps one outcome per record in input order, whatever the records hold. */
class ScoreBadInputCliTest {

    @TempDir
    Path dir;

    @Test
    void badRecordsBecomeErrorRecordsInPlaceAndTheRestAreScored() throws IOException {
        ObjectNode unitsZero = valid("C-3", "M-3");
        ((ObjectNode) unitsZero.withArray("lines").get(0)).put("units", 0);
        ObjectNode nullLine = valid("C-5", "M-5");
        nullLine.putArray("lines").addNull();
        ObjectNode duplicate = valid("C-7", "M-7");
        ((ObjectNode) duplicate.withArray("lines").get(1)).put("lineNumber", 1);
        String input = String.join("\n",
                "\uFEFF" + valid("C-1", "M-1"),                       // line 1, after a byte order mark
                "{\"claimId\": \"C-2\", ",                            // line 2: broken JSON
                unitsZero.toString(),                                 // line 3
                "",                                                   // line 4: blank, skipped
                "[1, 2]",                                             // line 5
                nullLine.toString(),                                  // line 6
                "{\"claimId\": \"C-6\", \"pad\": \"" + "x".repeat(ClaimReader.MAX_RECORD_CHARS) + "\"}", // line 7
                duplicate.toString() + "\r",                          // line 8, CRLF
                valid("C-8", "M-8").toString()) + "\n";              // line 9
        Path in = dir.resolve("claims.jsonl");
        Path out = dir.resolve("results.jsonl");
        Files.writeString(in, input, StandardCharsets.UTF_8);

        int status = ClaimRulesCli.run("score", "--input", in.toString(), "--output", out.toString(), "--threads", "2");

        assertEquals(ExitCodes.SOME_ERRORS, status);
        List<JsonNode> outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            outcomes.add(Json.mapper().readTree(line));
        }
        assertEquals(8, outcomes.size(), "one outcome per non-blank record");
        assertScored(outcomes.get(0), "C-1");
        assertError(outcomes.get(1), "INVALID_JSON", null, 2);
        assertError(outcomes.get(2), "INVALID_VALUE", "lines[0].units", 3);
        assertError(outcomes.get(3), "NOT_AN_OBJECT", null, 5);
        assertError(outcomes.get(4), "INVALID_VALUE", "lines[0]", 6);
        assertError(outcomes.get(5), "TOO_LARGE", null, 7);
        assertError(outcomes.get(6), "DUPLICATE_LINE", "lines[1].lineNumber", 8);
        assertScored(outcomes.get(7), "C-8");
    }

    private static void assertScored(JsonNode outcome, String claimId) {
        assertEquals(claimId, outcome.path("claimId").asText(), outcome::toString);
        assertTrue(outcome.has("disposition"), outcome::toString);
    }

    private static void assertError(JsonNode outcome, String code, String field, int inputLine) {
        JsonNode error = outcome.path("error");
        assertEquals(code, error.path("code").asText(), outcome::toString);
        assertEquals(field, error.hasNonNull("field") ? error.get("field").asText() : null, outcome::toString);
        assertEquals(inputLine, error.path("inputLine").asInt(), outcome::toString);
    }
}
