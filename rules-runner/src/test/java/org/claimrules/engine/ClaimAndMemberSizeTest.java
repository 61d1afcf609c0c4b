package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimrules.cli.ClaimRulesCli;
import org.claimrules.engine.internal.MemberScorer;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims and members at the limits get their results in bounded memory and work: a claim of 999
 * lines (the documented limit), 150 identical facet lines (each later one a duplicate of the
 * first), and members whose claims interleave in time, each claim scored once per date of its
 * own however many claims the member has (docs/benchmarks.md has the measured times).
 */
class ClaimAndMemberSizeTest {

    private static final List<String> CODES = List.of("64490", "64491", "64492", "64493", "64494", "64495",
            "77003", "77012", "99213", "20610");

    @TempDir
    Path tmp;

    /** A valid claim with {@code count} one-unit lines on one date, codes cycling through {@code codes}. */
    private static ObjectNode claimWithLines(String claimId, String member, int count, List<String> codes, LocalDate date) {
        ObjectNode claim = TestClaims.valid(claimId, member);
        claim.remove("history");
        ArrayNode lines = claim.putArray("lines");
        for (int i = 0; i < count; i++) {
            ObjectNode line = TestClaims.line(i + 1, codes.get(i % codes.size()));
            line.putArray("modifiers");
            line.put("serviceDate", date.toString()).put("charge", 100.00);
            lines.add(line);
        }
        return claim;
    }

    private static Claim read(ObjectNode json) {
        ClaimReader.Read read = ClaimReader.read(json.toString(), 1);
        assertTrue(read.ok(), () -> String.valueOf(read.error()));
        return read.claim();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aClaimOf999LinesGetsItsResultWithinAGigabyteOfHeap() throws Exception {
        Path in = tmp.resolve("big.jsonl");
        Path out = tmp.resolve("big-results.jsonl");
        Files.writeString(in, claimWithLines("BIG-999", "M-BIG", 999, CODES, LocalDate.of(2026, 3, 2)) + "\n");
        // A JVM of its own, so that the heap is the one given here and not the test JVM's. The claim
        // takes about a second of CPU (docs/benchmarks.md); the budget is raised anyway so that a
        // slow test machine does not fail it, since what is tested is the memory (ClaimLinesGrowthTest
        // tests that the work grows linearly in the lines).
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dclaimrules.claimBudgetMillis=300000",
                "-cp", System.getProperty("java.class.path"), ClaimRulesCli.class.getName(), "score",
                "--input", in.toString(), "--output", out.toString(), "--no-progress")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(9, TimeUnit.MINUTES), "the run ended");
        String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        List<String> records = Files.readAllLines(out);
        assertEquals(1, records.size(), log);
        JsonNode result = Json.mapper().readTree(records.get(0));
        assertEquals("BIG-999", result.get("claimId").asText());
        assertTrue(result.has("disposition"), "a result, not an error record: " + records.get(0).substring(0, 300));
        assertEquals(999, result.get("lines").size());
    }

    @Test
    void oneHundredFiftyIdenticalFacetLinesGetARealResult() {
        ClaimResult result = TestClaims.engine().score(read(
                claimWithLines("SAME-150", "M-SAME", 150, List.of("64493"), LocalDate.of(2026, 3, 2))));
        List<Integer> duplicates = result.edits().stream().filter(e -> e.editId().equals("FJ-UNIT-002"))
                .map(Edit::lineNumber).toList();
        assertEquals(149, duplicates.size(), "every line after the first is a duplicate: " + duplicates);
        assertTrue(!duplicates.contains(1), duplicates::toString);
    }

    /**
     * One member, {@code n} one-line claims whose dates interleave (consecutive claims far apart in
     * time, the dates spread over two years), so that each claim's in-batch history holds claims
     * that come both before and after it in the input.
     */
    private static List<Claim> interleavedMember(int n) {
        List<Claim> claims = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < n; i++) {
            LocalDate date = start.plusDays((i * 7919L) % 730);
            claims.add(read(claimWithLines("IL-" + n + "-" + i, "M-IL", 1, List.of("64493"), date)));
        }
        return claims;
    }

    @Test
    void aMembersClaimsAreEachScoredOnceWhateverTheMembersSize() {
        for (int n : new int[] {50, 200, 800}) {
            int[] scorings = MemberScorer.scoringsPerClaim(TestClaims.engine(), interleavedMember(n));
            int[] once = new int[n];
            Arrays.fill(once, 1);
            assertArrayEquals(once, scorings, "a member of " + n + " one-date claims: each claim scored once");
        }
    }
}
