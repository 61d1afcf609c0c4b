package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.claimrules.io.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus, {@code src/test/resources/hostile/}: one small JSON Lines file per
 * attack, between two good claims, and beside it {@code <name>.expect.json} saying what each record
 * must produce (a result, or an error record's code and field), which strings no message may
 * repeat, and why the case is there. Each file goes through {@code claimrules score} as a user
 * would run it. Adding a case is adding two files.
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileInputTest.class.getResource("/hostile").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
            assertTrue(names.size() >= 15, "the corpus is there: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRecordProducesWhatItsNoteSays(String name) throws Exception {
        Path dir = Path.of(HostileInputTest.class.getResource("/hostile").toURI());
        JsonNode expect = Json.mapper().readTree(dir.resolve(name + ".expect.json").toFile());
        Path out = tmp.resolve("out.jsonl");
        Cli.Run run = Cli.run("score", "--input", dir.resolve(name + ".jsonl").toString(), "--output", out.toString(),
                "--no-progress", "--threads", "2");
        List<String> lines = Files.readAllLines(out);
        JsonNode records = expect.get("records");
        assertEquals(records.size(), lines.size(), () -> name + ": one output record per input record\n" + run);
        boolean anyError = false;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode got = Json.mapper().readTree(lines.get(i));
            JsonNode want = records.get(i);
            String where = name + ", record " + (i + 1) + ": " + lines.get(i);
            if (want.path("result").asBoolean()) {
                assertTrue(got.has("disposition"), where);
                if (want.has("sameAsLine")) {
                    JsonNode other = Json.mapper().readTree(lines.get(want.get("sameAsLine").asInt() - 1));
                    assertEquals(other.get("disposition"), got.get("disposition"), where);
                    assertEquals(editIds(other), editIds(got), where);
                }
            } else {
                anyError = true;
                assertTrue(got.has("error"), where);
                assertEquals(want.get("code").asText(), got.get("error").get("code").asText(), where);
                if (want.has("field")) {
                    assertEquals(want.get("field").isNull() ? null : want.get("field").asText(),
                            got.get("error").has("field") ? got.get("error").get("field").asText() : null, where);
                }
            }
        }
        assertEquals(anyError ? ExitCodes.SOME_ERRORS : ExitCodes.OK, run.exit(), run::toString);
        for (JsonNode secret : expect.path("messagesMustNotContain")) {
            String s = secret.asText();
            assertFalse(Files.readString(out).contains(s), name + ": the output repeats " + s);
            assertFalse(run.err().contains(s), name + ": standard error repeats " + s);
        }
        String all = Files.readString(out) + run.err();
        for (String internal : List.of("com.fasterxml", "StreamReadConstraints", "java.util.zip", "\tat ")) {
            assertFalse(all.contains(internal), name + ": library internals in what the user sees: " + internal);
        }
    }

    private static List<String> editIds(JsonNode result) {
        List<String> ids = new java.util.ArrayList<>();
        result.get("edits").forEach(e -> ids.add(e.get("editId").asText() + "@" + e.path("lineNumber").asText()));
        return ids;
    }
}
