package org.claimrules.formats.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimrules.formats.Formats;
import org.claimrules.formats.InputFormat;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;

/** FHIR Claims as NDJSON through the batch pipeline: the guarantees of JSON Lines hold. */
class FhirBatchTest {

    /** The facet copy of the CMS-1500 example on one line, with its identifier set to {@code id}. */
    private static String claim(String id) throws Exception {
        JsonNode c = Json.mapper().readTree(Scoring.bytes(Samples.fhir("Claim-MED-00050-facet.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) c.path("identifier").get(0)).put("value", id);
        return Json.mapper().writeValueAsString(c);
    }

    @Test
    void aRepeatedClaimIdIsADuplicateInItsPlace() throws Exception {
        String ndjson = claim("F-1") + "\n" + claim("F-2") + "\n" + claim("F-1") + "\n";
        List<JsonNode> out = Scoring.score(ndjson.getBytes(StandardCharsets.UTF_8), null, Formats.OutputFormat.JSON, 2, 0);
        assertEquals(3, out.size());
        assertTrue(out.get(0).has("disposition"), out.get(0).toString());
        assertTrue(out.get(1).has("disposition"), out.get(1).toString());
        assertEquals("DUPLICATE_CLAIM", out.get(2).path("error").path("code").asText(), out.get(2).toString());
        assertEquals(3, out.get(2).path("error").path("inputLine").asLong());
    }

    @Test
    void aClaimWhoseBytesAreNotUtf8IsAnErrorAndItsNeighboursAreScored() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write((claim("F-1") + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] second = (claim("F-2") + "\n").getBytes(StandardCharsets.UTF_8);
        int at = new String(second, StandardCharsets.ISO_8859_1).indexOf("F-2");
        second[at + 1] = (byte) 0xFF;
        in.write(second);
        in.write((claim("F-3") + "\n").getBytes(StandardCharsets.UTF_8));
        List<JsonNode> out = Scoring.score(in.toByteArray(), null, Formats.OutputFormat.FHIR, 1, 0);
        assertEquals(3, out.size());
        assertEquals("complete", out.get(0).path("outcome").asText(), out.get(0).toString());
        assertEquals("error", out.get(1).path("outcome").asText(), out.get(1).toString());
        assertTrue(out.get(1).toString().contains("UTF-8"), out.get(1).toString());
        assertEquals("complete", out.get(2).path("outcome").asText(), out.get(2).toString());
    }

    @Test
    void aPrettyPrintedClaimWithABadByteIsOneError() throws Exception {
        byte[] pretty = Scoring.bytes(Samples.fhir("Claim-MED-00050-facet.json")).clone();
        String text = new String(pretty, StandardCharsets.ISO_8859_1);
        pretty[text.indexOf("\"status\"") + 2] = (byte) 0xC3; // a lead byte without its continuation
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(pretty);
        in.write(("\n" + claim("F-9") + "\n").getBytes(StandardCharsets.UTF_8));
        List<JsonNode> out = Scoring.score(in.toByteArray(), InputFormat.FHIR, Formats.OutputFormat.JSON, 1, 0);
        assertEquals(2, out.size(), out.toString());
        assertEquals("INVALID_JSON", out.get(0).path("error").path("code").asText(), out.get(0).toString());
        assertTrue(out.get(1).has("disposition"), out.get(1).toString());
    }
}
