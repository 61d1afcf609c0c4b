package org.claimrules.formats.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimrules.formats.Formats;
import org.claimrules.formats.InputFormat;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.ProviderRole;
import org.junit.jupiter.api.Test;

/** 837P claims scored through the batch pipeline, as {@code claimrules score} does. */
class X12ScoringTest {

    private static Set<String> editIds(JsonNode result) {
        Set<String> ids = new TreeSet<>();
        result.path("edits").forEach(e -> ids.add(e.path("editId").asText()));
        return ids;
    }

    @Test
    void theFacetCopiesGetTheFacetEdits() throws Exception {
        List<JsonNode> valid = Scoring.score(Scoring.bytes(Samples.x12("x12_valid-facet.txt")), null,
                Formats.OutputFormat.JSON, 1, 0);
        // A37YH667 bills the add-on 64494 without its primary on the claim.
        assertTrue(editIds(valid.get(1)).contains("FJ-PAIR-001"), valid.get(1).toString());

        List<JsonNode> complex = Scoring.score(Scoring.bytes(Samples.x12("x12_complex-facet.txt")), null,
                Formats.OutputFormat.JSON, 2, 0);
        assertEquals(6, complex.size());
        // A37YH668 bills 64495 without 64494 (third level without the second).
        assertTrue(editIds(complex.get(2)).contains("FJ-PAIR-002"), complex.get(2).toString());
        // The second transaction repeats the claims: the same edits, another source.
        assertEquals(editIds(complex.get(2)), editIds(complex.get(5)));
        assertFalse(complex.get(2).get("source").equals(complex.get(5).get("source")));

        List<JsonNode> demo = Scoring.score(Scoring.bytes(Samples.x12("demo.example1-facet.837")), null,
                Formats.OutputFormat.JSON, 1, 0);
        assertTrue(editIds(demo.get(0)).stream().anyMatch(id -> id.startsWith("FJ-")), demo.get(0).toString());
        List<JsonNode> uhin = Scoring.score(Scoring.bytes(Samples.x12("837-facet.edi")), null, Formats.OutputFormat.JSON, 1, 0);
        assertTrue(editIds(uhin.get(0)).stream().anyMatch(id -> id.startsWith("FJ-")), uhin.get(0).toString());
    }

    /** The example claims, less what an 837P cannot carry, scored from JSON and from an 837P written from them. */
    @Test
    void an837PWrittenFromTheExamplesScoresExactlyLikeTheSameClaimsInJson() throws Exception {
        List<String> json = new ArrayList<>();
        StringWriter x12 = new StringWriter();
        try (X12Writer writer = new X12Writer(x12, 5)) {
            for (String line : Files.readAllLines(Path.of("../examples/claims.jsonl"))) {
                ObjectNode claim = (ObjectNode) Json.mapper().readTree(line);
                claim.remove("clinical");
                claim.remove("history");
                if (claim.has("priorAuthorization")) {
                    ((ObjectNode) claim.get("priorAuthorization")).remove("decisionDate");
                }
                Claim c = ClaimReader.read(claim.toString(), 1).claim();
                if (c.billingProvider().role() == ProviderRole.HOSPITAL_OUTPATIENT) {
                    continue; // an 837I claim
                }
                json.add(claim.toString());
                writer.write(c);
            }
        }
        assertTrue(json.size() >= 14, "most examples can be written as 837P");
        List<JsonNode> fromJson = Scoring.score(String.join("\n", json).getBytes(StandardCharsets.UTF_8),
                InputFormat.JSON, Formats.OutputFormat.JSON, 2, 0);
        List<JsonNode> fromX12 = Scoring.score(x12.toString().getBytes(StandardCharsets.UTF_8), null,
                Formats.OutputFormat.JSON, 2, 0);
        assertEquals(fromJson.size(), fromX12.size());
        for (int i = 0; i < fromJson.size(); i++) {
            ObjectNode x = (ObjectNode) fromX12.get(i);
            assertTrue(x.has("source"));
            x.remove("source");
            assertEquals(fromJson.get(i), x, "claim " + fromJson.get(i).path("claimId").asText());
            assertFalse(x.has("error"), x.toString());
        }
    }

    @Test
    void spillingAndThreadsGiveTheSameBytes() throws Exception {
        byte[] file = Scoring.bytes(Samples.x12("x12_multiple_transactions.txt"));
        assertEquals(Scoring.score(file, null, Formats.OutputFormat.JSON, 1, 0),
                Scoring.score(file, null, Formats.OutputFormat.JSON, 2, 7));
    }
}
