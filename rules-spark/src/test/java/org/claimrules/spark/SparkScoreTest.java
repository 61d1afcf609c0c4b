package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in local[2] against {@code claimrules score} on the same generated claims. */
class SparkScoreTest {

    static final int CLAIMS = 3000;

    @TempDir
    static Path dir;
    static Path input;
    static Scored cli;

    /**
     * Generated claims (members with several claims at scattered positions, a few invalid claims)
     * and the awkward lines a real file has: a byte order mark, CRLF endings, a carriage return
     * inside a record, a blank line, a line that is not JSON, one that is not an object, one over
     * the length limit.
     */
    @BeforeAll
    static void scoreWithTheCommandLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(LocalSpark.generate(dir, CLAIMS, 7)));
        lines.set(0, "\uFEFF" + lines.get(0));
        lines.set(10, lines.get(10) + "\r");
        String withCr = lines.get(20).replaceFirst("\"claimId\":\"", "\"claimId\":\"CR-");
        lines.add(30, "{\r" + withCr.substring(1));
        lines.add(40, "   ");
        lines.add(50, "{\"claimId\": \"BROKEN\", ");
        lines.add(60, "[1, 2]");
        lines.add(70, "{\"claimId\":\"LONG\",\"pad\":\"" + "x".repeat(ClaimReader.MAX_RECORD_CHARS) + "\"}");
        input = dir.resolve("claims.jsonl");
        Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        cli = LocalSpark.cliScore(input, dir.resolve("cli.jsonl"));
    }

    @Test
    void theJobWritesTheSameResultLinesAsClaimrulesScore() throws IOException {
        Scored spark = LocalSpark.sparkScore(input, dir.resolve("spark-out"), "--partitions", "5");

        assertEquals(CLAIMS + 4, cli.lines().size(), "one line per record, blank lines aside");
        assertEquals(cli.lines(), spark.lines());
        assertEquals(cli.exit(), spark.exit());
        assertEquals(SparkScore.SOME_ERRORS, spark.exit());
        assertTrue(Files.exists(dir.resolve("spark-out/_SUCCESS")));
    }

    /**
     * Guards the comparison above against passing vacuously: the file has members with several
     * claims, and their results depend on each other (scored one claim at a time, some differ),
     * so the job only matches when a member's claims meet in one partition, in input order.
     */
    @Test
    void theInputExercisesTheInBatchHistory() throws Exception {
        Map<String, Integer> claimsPerMember = new HashMap<>();
        ClaimEngine engine = ClaimEngine.bundled();
        int differ = 0;
        Map<String, String> cliById = new HashMap<>();
        for (String line : cli.lines()) {
            JsonNode node = Json.mapper().readTree(line);
            if (node.has("disposition")) {
                cliById.put(node.get("claimId").asText(), line);
            }
        }
        long n = 0;
        for (String line : Files.readAllLines(input)) {
            ClaimReader.Read read = ClaimReader.read(line.replace("\uFEFF", ""), ++n);
            if (!read.ok() || !cliById.containsKey(read.claim().claimId())) {
                continue;
            }
            claimsPerMember.merge(read.claim().memberId(), 1, Integer::sum);
            String alone = Json.mapper().writeValueAsString(engine.score(read.claim()));
            if (!alone.equals(cliById.get(read.claim().claimId()))) {
                differ++;
            }
        }
        assertTrue(claimsPerMember.values().stream().filter(c -> c >= 2).count() > 300,
                "members with several claims: " + claimsPerMember.values().stream().filter(c -> c >= 2).count());
        assertTrue(differ > 10, "claims whose result depends on the member's other claims: " + differ);
    }

    @Test
    void anOutputFolderThatExistsIsAUsageErrorAndIsLeftAlone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("exists"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        Scored run = LocalSpark.sparkScore(input, out);

        assertEquals(SparkScore.USAGE, run.exit());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void aMissingInputIsAUsageError() {
        Scored run = LocalSpark.sparkScore(dir.resolve("no-such.jsonl"), dir.resolve("never"));

        assertEquals(SparkScore.USAGE, run.exit());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
