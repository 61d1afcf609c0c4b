package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command scores examples/claims.jsonl; this checks, through the command line,
 * that each example gets what the catalogue implies (worked out by hand in the comments).
 */
class ExamplesTest {

    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("EX-001", "ACCEPT");                                    // first lumbar diagnostic, fully documented
        EXPECTED.put("EX-002", "ACCEPT");                                    // commercial therapeutic after a 70 % diagnostic
        EXPECTED.put("EX-003", "ACCEPT");                                    // single right level, 65-year-old
        EXPECTED.put("EX-004", "ACCEPT");                                    // Forestier's, second diagnostic after 85 %
        EXPECTED.put("EX-005", "DENY FJ-PAIR-001@1");                        // 64494 without 64493
        EXPECTED.put("EX-006", "PARTIAL FJ-UNIT-003@3");                     // 64495 on Medicare
        EXPECTED.put("EX-007", "PARTIAL FJ-IMG-001@2");                      // 77003 billed with the facet code
        EXPECTED.put("EX-008", "DENY FJ-DX-003@1 FJ-DX-003@2");              // M54.50 supports no facet line
        EXPECTED.put("EX-009", "DENY FJ-PA-001@1 FJ-PA-001@2");              // hospital outpatient, no authorization
        EXPECTED.put("EX-010", "RTP FJ-MOD-003@1 FJ-MOD-003@2");             // ASC facility with 50
        EXPECTED.put("EX-011", "DENY FJ-RESP-001@1 FJ-RESP-001@2 FJ-SED-001@3"); // after 40 % relief; sedation
        EXPECTED.put("EX-012", "DENY FJ-DOC-005@1 FJ-DOC-005@2 FJ-RESP-003@1 FJ-RESP-003@2"); // one positive diagnostic of two
        EXPECTED.put("EX-013B", "REVIEW FJ-RESP-002@1 FJ-RESP-002@2");       // earlier claim of the batch, relief unknown
        EXPECTED.put("EX-013A", "ACCEPT");
        EXPECTED.put("EX-014", "DENY FJ-DOC-001@1 FJ-RESP-003@1");           // no documentation: therapeutic by default
        EXPECTED.put("EX-015", "ACCEPT");                                    // 4th commercial diagnostic: within the cap of 4
        EXPECTED.put("EX-016", "ACCEPT");                                    // commercial repeat RFA after 75 % for 30 weeks: 2nd of 2 in 12 months
    }

    @Test
    void scoringTheExamplesGivesWhatTheCatalogueImplies(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.jsonl");
        int exit = ClaimRulesCli.run("score", "--input", "../examples/claims.jsonl", "--output", out.toString());
        assertEquals(ExitCodes.OK, exit);
        List<String> lines = Files.readAllLines(out);
        assertEquals(EXPECTED.size(), lines.size());
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            JsonNode r = Json.mapper().readTree(lines.get(i++));
            List<String> edits = new ArrayList<>();
            r.path("edits").forEach(x -> edits.add(x.get("editId").asText() + "@" + x.get("lineNumber").asText()));
            actual.add(row(r.get("claimId").asText(), r.get("disposition").asText(), edits));
            List<String> words = List.of(e.getValue().split(" "));
            expected.add(row(e.getKey(), words.get(0), words.subList(1, words.size())));
        }
        assertEquals(expected, actual);
    }

    @Test
    void badRecordsBecomeErrorRecordsInPlaceAndTheExitStatusSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.jsonl");
        int exit = ClaimRulesCli.run("score", "--input", "../examples/bad-input.jsonl", "--output", out.toString());
        assertEquals(ExitCodes.SOME_ERRORS, exit);
        List<String> lines = Files.readAllLines(out);
        assertEquals(6, lines.size(), "one result or error record per input record");
        assertEquals("EX-001", Json.mapper().readTree(lines.get(0)).get("claimId").asText());
        assertEquals("lines[0].units", Json.mapper().readTree(lines.get(2)).at("/error/field").asText());
        assertEquals(3, Json.mapper().readTree(lines.get(2)).at("/error/inputLine").asInt());
        assertEquals("UNKNOWN_PROFILE", Json.mapper().readTree(lines.get(4)).at("/error/code").asText());
        assertEquals("EX-004", Json.mapper().readTree(lines.get(5)).get("claimId").asText());
    }

    @Test
    void aMissingInputFileIsAUsageError(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, ClaimRulesCli.run("score", "--input", dir.resolve("nope.jsonl").toString(),
                "--output", dir.resolve("out.jsonl").toString()));
    }

    /** "ID DISPOSITION edit edit..." with the edits sorted, for a readable diff. */
    private static String row(String claimId, String disposition, List<String> edits) {
        return (claimId + " " + disposition + " " + String.join(" ", new TreeSet<>(edits))).trim();
    }
}
