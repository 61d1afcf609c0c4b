package org.claimrules.formats.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimrules.formats.Formats;
import org.claimrules.formats.InputFormat;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FHIR R4 examples of shared/samples/fhir: every Claim gets one result or a clear error. */
class FhirSamplesTest {

    private static List<JsonNode> score(byte[] bytes) throws Exception {
        return Scoring.score(bytes, null, Formats.OutputFormat.JSON, 1, 0);
    }

    private static Set<String> editIds(JsonNode result) {
        Set<String> ids = new TreeSet<>();
        result.path("edits").forEach(e -> ids.add(e.path("editId").asText()));
        return ids;
    }

    @ParameterizedTest
    @CsvSource({
        "Claim-100151.json, INVALID_VALUE, type",
        "Claim-100153.json, INVALID_VALUE, use",
        "Claim-660152.json, INVALID_VALUE, type",
        "Claim-760152.json, INVALID_VALUE, type",
        "Claim-860150.json, INVALID_VALUE, diagnosis[0]",
        "Claim-860150-facet.json, MISSING_FIELD, item[0].locationCodeableConcept",
        "Claim-960150.json, INVALID_VALUE, subType",
        "Claim-960151.json, INVALID_VALUE, subType"})
    void claimsThatCannotBeScoredAreClearErrors(String name, String code, String field) throws Exception {
        List<JsonNode> out = score(Scoring.bytes(Samples.fhir(name)));
        assertEquals(1, out.size());
        JsonNode error = out.get(0).path("error");
        assertEquals(code, error.path("code").asText(), out.get(0).toString());
        assertEquals(field, error.path("field").asText(), out.get(0).toString());
        assertEquals(1, error.path("inputLine").asLong(), "the line where the resource starts");
        assertFalse(out.get(0).path("claimId").isMissingNode());
    }

    @Test
    void theCms1500ExampleIsScored() throws Exception {
        List<JsonNode> out = score(Scoring.bytes(Samples.fhir("Claim-MED-00050.json")));
        assertEquals(1, out.size());
        assertEquals("MED-00050", out.get(0).path("claimId").asText());
        assertTrue(out.get(0).has("disposition"), out.get(0).toString());
    }

    @Test
    void theFacetCopyGetsTheFacetEdits() throws Exception {
        JsonNode r = score(Scoring.bytes(Samples.fhir("Claim-MED-00050-facet.json"))).get(0);
        Set<String> ids = editIds(r);
        assertTrue(ids.stream().filter(id -> id.startsWith("FJ-")).count() >= 2, r.toString());
        // two lines, 64493 RT and LT: an ASC facility claim read from bill type 831
        assertEquals(2, r.path("lines").size());
    }

    /** The professional facet copy in a Bundle with the Patient and Coverage it references, and a place of service. */
    @Test
    void bundledResourcesAreResolved() throws Exception {
        ObjectNode claim = (ObjectNode) Json.mapper().readTree(Files.readString(Samples.fhir("Claim-860150-facet.json")));
        claim.remove("text");
        for (JsonNode item : claim.withArray("item")) {
            ((ObjectNode) item).set("locationCodeableConcept", Json.mapper().readTree(
                    "{\"coding\":[{\"system\":\"https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set\",\"code\":\"11\"}]}"));
        }
        ObjectNode bundle = Json.mapper().createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().put("fullUrl", "urn:uuid:c1").set("resource", claim);
        entries.addObject().set("resource", Json.mapper().readTree("{\"resourceType\":\"Patient\",\"id\":\"1\","
                + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MB\"}]},"
                + "\"value\":\"M-860150\"}],\"birthDate\":\"1950-01-01\",\"gender\":\"male\"}"));
        entries.addObject().set("resource", Json.mapper().readTree("{\"resourceType\":\"Coverage\",\"id\":\"9876B1\","
                + "\"status\":\"active\",\"beneficiary\":{\"reference\":\"Patient/1\"},"
                + "\"payor\":[{\"identifier\":{\"value\":\"15202\"}}]}"));
        List<JsonNode> out = score(bundle.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, out.size());
        assertEquals("8612345", out.get(0).path("claimId").asText(), "identifier[0].value");
        assertTrue(out.get(0).has("disposition"), out.get(0).toString());
        assertTrue(editIds(out.get(0)).stream().anyMatch(id -> id.startsWith("FJ-")), out.get(0).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ClaimResponse-R3500.json", "ExplanationOfBenefit-EB3500.json",
            "ExplanationOfBenefit_ProfessionalEOBExample1.json"})
    void otherResourcesAreNotClaims(String name) throws Exception {
        List<JsonNode> out = score(Scoring.bytes(Samples.fhir(name)));
        assertEquals(1, out.size());
        assertEquals("resourceType", out.get(0).path("error").path("field").asText(), out.get(0).toString());
    }

    @Test
    void ndjsonWithABadLineLosesNoNeighbour() throws Exception {
        String good = Json.mapper().readTree(Files.readString(Samples.fhir("Claim-MED-00050-facet.json"))).toString();
        String ndjson = good + "\n{\"resourceType\":\"Claim\",\"use\":\n" + "[1,2,3]\n" + "\n" + good.replace("MED-00050", "MED-2")
                + "\n{\"resourceType\":\"Claim\",\"id\":\"x\",\"use\":\"claim\",\"created\":\"not a date\"}\n";
        List<JsonNode> out = Scoring.score(ndjson.getBytes(StandardCharsets.UTF_8), InputFormat.FHIR,
                Formats.OutputFormat.JSON, 2, 0);
        assertEquals(5, out.size(), out.toString());
        assertTrue(out.get(0).has("disposition"));
        assertEquals("INVALID_JSON", out.get(1).path("error").path("code").asText(), out.get(1).toString());
        assertEquals(2, out.get(1).path("error").path("inputLine").asLong());
        assertEquals("NOT_AN_OBJECT", out.get(2).path("error").path("code").asText(), out.get(2).toString());
        assertEquals("MED-2", out.get(3).path("claimId").asText());
        assertTrue(out.get(3).has("disposition"));
        assertEquals("INVALID_VALUE", out.get(4).path("error").path("code").asText(), out.get(4).toString());
        assertEquals(6, out.get(4).path("error").path("inputLine").asLong());
    }

    @Test
    void contentTellsTheFormat() throws Exception {
        for (String name : List.of("Claim-MED-00050.json", "ClaimResponse-R3500.json")) {
            try (var in = new java.io.BufferedInputStream(Files.newInputStream(Samples.fhir(name)))) {
                assertEquals(InputFormat.FHIR, InputFormat.detect(in), name);
            }
        }
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(Samples.x12("sample837-original.edi")))) {
            assertEquals(InputFormat.X12, InputFormat.detect(in));
        }
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(java.nio.file.Path.of("../examples/claims.jsonl")))) {
            assertEquals(InputFormat.JSON, InputFormat.detect(in));
        }
    }
}
