package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --history}: a run counts the members' claims recorded by earlier runs (COMMERCIAL
 * covers 4 diagnostic sessions per region in 12 months), records its own only when it completes,
 * and a run sent again replaces its claims instead of counting them twice.
 */
class ScoreWithHistoryTest {

    static final String CAP = "FJ-FREQ-001";

    @TempDir
    Path dir;

    @Test
    void runsShareTheHistoryAndOnlyACompletedRunIsRecorded() throws Exception {
        String history = "jdbc:h2:file:" + dir.resolve("history");
        Path first = write("first.jsonl", List.of(claim("R-1", "M-1", "2026-03-02"), claim("R-2", "M-1", "2026-03-16"),
                claim("R-3", "M-1", "2026-03-30"), claim("R-4", "M-1", "2026-04-13"), claim("R-9", "M-2", "2026-03-02")));
        Path later = write("later.jsonl", List.of(claim("R-5", "M-1", "2026-04-27")));

        Cli.Run run = score(first, "out1.jsonl", history);
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertTrue(run.err().contains("5 claims recorded"), run::toString);

        assertFalse(edits(score(later, "alone.jsonl", "none"), "alone.jsonl").contains(CAP));
        assertTrue(edits(score(later, "out2.jsonl", history), "out2.jsonl").contains(CAP),
                "the fifth session counts the four recorded by the first run");

        assertEquals(ExitCodes.OK, score(first, "out3.jsonl", history).exit());
        assertEquals(Files.readString(dir.resolve("out1.jsonl")), Files.readString(dir.resolve("out3.jsonl")),
                "a run sent again replaces its claims: they do not count themselves");

        // A run that cannot be read to its end records nothing.
        Path broken = dir.resolve("broken.jsonl.gz");
        byte[] gz = gzip(claim("R-6", "M-3", "2026-03-02") + "\n" + claim("R-7", "M-3", "2026-03-09") + "\n");
        Files.write(broken, java.util.Arrays.copyOf(gz, gz.length - 12));
        Cli.Run failed = score(broken, "out4.jsonl", history);
        assertEquals(ExitCodes.USAGE, failed.exit(), failed::toString);
        try (HistoryStore store = JdbcHistoryStore.open(history, 2)) {
            assertEquals(List.of(), store.forMember("M-3", null));
            assertEquals(4, store.forMember("M-1", null).size(), "R-1 to R-4; R-5 was denied, so it adds no session");
        }
    }

    @Test
    void aPurgedMemberHasNoHistoryLeftAndOtherMembersKeepTheirs() throws Exception {
        String history = "jdbc:h2:file:" + dir.resolve("history");
        Path first = write("first.jsonl", List.of(claim("R-1", "M-1", "2026-03-02"), claim("R-2", "M-1", "2026-03-16"),
                claim("R-9", "M-2", "2026-03-02")));
        assertEquals(ExitCodes.OK, score(first, "out1.jsonl", history).exit());

        java.io.InputStream stdin = System.in;
        Cli.Run purge;
        try {
            System.setIn(new java.io.ByteArrayInputStream("M-1\n".getBytes(StandardCharsets.UTF_8)));
            purge = Cli.run("purge-history", "--history", history);
        } finally {
            System.setIn(stdin);
        }
        assertEquals(ExitCodes.OK, purge.exit(), purge::toString);
        assertTrue(purge.err().contains("1 members purged") && purge.err().contains("2 claims removed"), purge::toString);
        assertFalse(purge.err().contains("M-1"), "no member ID is printed");
        try (HistoryStore store = JdbcHistoryStore.open(history, 2)) {
            assertEquals(List.of(), store.forMember("M-1", null));
            assertEquals(1, store.forMember("M-2", null).size());
        }
    }

    @Test
    void aHistoryOptionThatIsNoDatabaseIsAUsageError() {
        Cli.Run run = Cli.run("score", "--input", "../examples/claims.jsonl", "--output", dir.resolve("o.jsonl").toString(),
                "--history", "somewhere", "--no-progress");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertEquals(ExitCodes.USAGE, Cli.run("serve", "--history", "somewhere").exit());
    }

    private Cli.Run score(Path input, String output, String history) {
        return Cli.run("score", "--input", input.toString(), "--output", dir.resolve(output).toString(),
                "--history", history, "--no-progress");
    }

    private List<String> edits(Cli.Run run, String output) throws IOException {
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(output))) {
            Json.mapper().readTree(line).path("edits").forEach(e -> ids.add(e.path("editId").asText()));
        }
        return ids;
    }

    private Path write(String name, List<String> claims) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, claims);
        return p;
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    /** The bundled COMMERCIAL lumbar diagnostic base claim, for a member, on one date. */
    static String claim(String claimId, String memberId, String date) throws IOException {
        try (InputStream in = ScoreWithHistoryTest.class.getResourceAsStream("/scenarios/bases/commercial-lumbar-diagnostic.json")) {
            ObjectNode c = (ObjectNode) Json.mapper().readTree(in);
            c.put("claimId", claimId);
            ((ObjectNode) c.get("patient")).put("memberId", memberId);
            ArrayNode lines = (ArrayNode) c.get("lines");
            lines.forEach(l -> ((ObjectNode) l).put("serviceDate", date));
            return c.toString();
        }
    }
}
