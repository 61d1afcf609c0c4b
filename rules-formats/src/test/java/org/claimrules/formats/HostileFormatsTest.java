package org.claimrules.formats;

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
import org.claimrules.batch.OutcomeWriter;
import org.claimrules.formats.x12.X12Output;
import org.claimrules.io.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus of the claim formats, {@code src/test/resources/hostile-formats/}: one
 * small 837P ({@code .837}) or FHIR NDJSON ({@code .ndjson}) file per attack, the broken claim
 * between good ones, and beside it {@code <name>.expect.json} saying what each record must produce
 * (a result, or an error record's code and field), which strings no output may repeat, and why the
 * case is there. Each file is scored through the batch pipeline as {@code claimrules score} scores
 * it, written as JSON and as FHIR ClaimResponses, and read with the fuzz tests' property
 * ({@link FormatsFuzzTest}). Adding a case is adding two files.
 */
class HostileFormatsTest {

    static Path dir() throws URISyntaxException {
        return Path.of(HostileFormatsTest.class.getResource("/hostile-formats").toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".expect.json"))
                    .sorted().toList();
            assertTrue(names.size() >= 20, "the corpus is there: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRecordProducesWhatItsNoteSays(String name) throws Exception {
        byte[] input = Files.readAllBytes(dir().resolve(name));
        JsonNode expect = Json.mapper().readTree(dir().resolve(name.substring(0, name.lastIndexOf('.')) + ".expect.json").toFile());
        InputFormat format = name.endsWith(".837") ? InputFormat.X12 : InputFormat.FHIR;
        List<JsonNode> out = Scoring.score(input, null, Formats.OutputFormat.JSON, 2, 0);
        JsonNode records = expect.get("records");
        assertEquals(records.size(), out.size(), () -> name + ": one output record per claim\n" + out);
        for (int i = 0; i < out.size(); i++) {
            JsonNode got = out.get(i);
            JsonNode want = records.get(i);
            String where = name + ", record " + (i + 1) + ": " + got;
            if (want.path("result").asBoolean()) {
                assertTrue(got.has("disposition"), where);
            } else {
                assertEquals(want.get("code").asText(), got.path("error").path("code").asText(), where);
                if (want.has("field")) {
                    assertEquals(want.get("field").isNull() ? null : want.get("field").asText(),
                            got.path("error").has("field") ? got.path("error").get("field").asText() : null, where);
                }
            }
            if (want.has("claimId")) {
                assertEquals(want.get("claimId").asText(), got.path("claimId").asText(), where);
            }
            assertEquals(format == InputFormat.X12, got.has("source"), where);
        }
        List<JsonNode> fhir = Scoring.score(input, null, Formats.OutputFormat.FHIR, 1, 0);
        assertEquals(out.size(), fhir.size(), name + ": one ClaimResponse per claim");
        for (int i = 0; i < fhir.size(); i++) {
            assertEquals("ClaimResponse", fhir.get(i).path("resourceType").asText());
            assertEquals(out.get(i).has("error") ? "error" : "complete", fhir.get(i).path("outcome").asText(), name);
        }
        String all = out.toString() + fhir;
        for (JsonNode secret : expect.path("messagesMustNotContain")) {
            assertFalse(all.contains(secret.asText()), name + ": the output repeats " + secret.asText());
        }
        assertFalse(all.contains("Exception") || all.contains("io.xlate") || all.contains("ca.uhn"),
                name + ": no library internals in messages: " + all);
        FormatsFuzzTest.readsCleanly(input, format, format == InputFormat.X12 ? new X12Output() : OutcomeWriter.JSON);
    }
}
