package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score} on X12 837P and FHIR input, by content or by --format, with --output-format fhir; the payers table in validate. */
class ScoreFormatsCliTest {

    @TempDir
    Path tmp;

    private static Path sample(String kind, String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/samples").resolve(kind).resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples not found beside the project");
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void an837PIsReadByContentEvenCompressed() throws Exception {
        Path gz = tmp.resolve("claims.837.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(sample("x12", "x12_complex-facet.txt")));
        }
        Path results = tmp.resolve("results.jsonl");
        Cli.Run run = Cli.run("score", "--input", gz.toString(), "--output", results.toString(), "--no-progress");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        List<JsonNode> out = lines(results);
        assertEquals(6, out.size());
        out.forEach(r -> assertTrue(r.has("source") && r.has("disposition"), r.toString()));
        assertTrue(run.err().contains("claims read: 6"), run.err());
        assertTrue(run.err().contains("SE01"), "the wrong SE counts are reported: " + run.err());
    }

    /** The README's commands read examples/claims.837 and examples/claims.ndjson: every claim there scores. */
    @Test
    void theExampleFilesOfTheReadmeScoreWithoutErrorRecords() throws Exception {
        long jsonClaims = Files.readAllLines(Path.of("../examples/claims.jsonl")).stream()
                .filter(l -> !l.contains("HOSPITAL_OUTPATIENT")).count();
        Path x12 = tmp.resolve("x12.jsonl");
        Cli.Run run = Cli.run("score", "--input", "../examples/claims.837", "--output", x12.toString(), "--no-progress");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertEquals(jsonClaims, lines(x12).size(), "the example claims an 837P can carry");

        Path fhir = tmp.resolve("fhir.ndjson");
        run = Cli.run("score", "--input", "../examples/claims.ndjson", "--output", fhir.toString(), "--no-progress",
                "--output-format", "fhir");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        List<JsonNode> responses = lines(fhir);
        assertEquals(2, responses.size());
        responses.forEach(r -> assertEquals("complete", r.path("outcome").asText(), r.toString()));
        // FHIR-001 documents its injection in supportingInfo and has its payer in the payers table
        assertEquals("ACCEPT", responses.get(0).path("disposition").asText(), responses.get(0).toString());
    }

    @Test
    void fhirInAndClaimResponsesOut() throws Exception {
        Path results = tmp.resolve("responses.ndjson");
        Cli.Run run = Cli.run("score", "--input", sample("fhir", "Claim-MED-00050-facet.json").toString(),
                "--output", results.toString(), "--output-format", "fhir", "--no-progress");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        JsonNode r = lines(results).get(0);
        assertEquals("ClaimResponse", r.path("resourceType").asText());
        assertEquals("complete", r.path("outcome").asText());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aForcedFormatThatDoesNotMatchGivesErrorRecordsNotAStackTrace() throws Exception {
        Path results = tmp.resolve("results.jsonl");
        Cli.Run run = Cli.run("score", "--input", sample("fhir", "Claim-100153.json").toString(), "--format", "x12",
                "--output", results.toString(), "--no-progress");
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(lines(results).stream().allMatch(l -> l.has("error")));
    }

    @Test
    void jsonInputIsUnchanged() throws Exception {
        Path results = tmp.resolve("results.jsonl");
        Cli.Run run = Cli.run("score", "--input", "../examples/claims.jsonl", "--output", results.toString(), "--no-progress");
        assertTrue(run.exit() == ExitCodes.OK || run.exit() == ExitCodes.SOME_ERRORS, run::toString);
        lines(results).forEach(l -> assertFalse(l.has("source"), l.toString()));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("score", "--input", "../examples/claims.jsonl", "--output", "-", "--format", "edifact");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("'edifact' is not json, x12, fhir or auto"), run::toString);
        assertFalse(run.err().contains("enum"), run::toString);
    }

    @Test
    void validateChecksThePayersTable() throws Exception {
        Path dir = Cli.export(tmp, "my-rules");
        Path payers = dir.resolve("tables/payers.csv");
        Files.writeString(payers, Files.readString(payers) + "15202,MEDICARE,CGS_J15,2026-01-01,,overlaps the open row\n"
                + "77777,NO_SUCH_PROFILE,,,,a profile the ruleset lacks\n");
        Cli.Run run = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.RULESET, run.exit(), run::toString);
        assertTrue(run.out().contains("tables/payers.csv:10"), run.out());
        assertTrue(run.out().contains("tables/payers.csv:11"), run.out());
        assertTrue(run.out().contains("NO_SUCH_PROFILE"), run.out());
    }
}
