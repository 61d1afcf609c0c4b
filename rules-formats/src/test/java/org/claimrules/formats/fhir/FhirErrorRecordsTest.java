package org.claimrules.formats.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimrules.formats.InputFormat;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.result.ErrorRecord;
import org.junit.jupiter.api.Test;

/**
 * What the FHIR reader says of a Claim it cannot use: the error record names the claim and the
 * FHIR element (relative to the resource on the line, as the mapper's errors do), also when HAPI
 * or the JSON syntax refused the resource before it could be mapped; and the critical access
 * hospital mapping.
 */
class FhirErrorRecordsTest {

    /** The facet copy of the CMS-1500 example (institutional, bill type 831), identifier {@code CLM-7}, id MED-00050. */
    private static ObjectNode sample() throws Exception {
        ObjectNode c = (ObjectNode) Json.mapper().readTree(Scoring.bytes(Samples.fhir("Claim-MED-00050-facet.json")));
        ((ObjectNode) c.path("identifier").get(0)).put("value", "CLM-7");
        return c;
    }

    private static List<ClaimReader.Read> read(String... lines) throws Exception {
        return Scoring.read((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), InputFormat.FHIR);
    }

    private static ErrorRecord onlyError(List<ClaimReader.Read> reads) {
        assertEquals(1, reads.size(), reads.toString());
        assertFalse(reads.get(0).ok(), "an error record");
        return reads.get(0).error();
    }

    @Test
    void aValueHapiRefusesNamesTheClaimAndTheElementsPath() throws Exception {
        ObjectNode c = sample();
        ((ObjectNode) c.path("item").get(1)).put("servicedDate", "2015-02-30");
        ErrorRecord e = onlyError(read(c.toString()));
        assertEquals("CLM-7", e.claimId(), "identifier[0].value, as for a Claim that maps");
        assertEquals("INVALID_VALUE", e.error().code());
        assertEquals("item[1].servicedDate", e.error().field(), "the item whose value is refused, not the first with that element");
        assertTrue(e.error().message().contains("item[1].servicedDate"), e.error().message());
        assertFalse(e.error().message().contains("2015-02-30"), "the value is not repeated");
    }

    @Test
    void withoutAnIdentifierTheIdNamesTheClaim() throws Exception {
        ObjectNode c = sample();
        c.remove("identifier");
        ((ObjectNode) c.path("contained").get(0)).put("birthDate", "1960-SECRET");
        ErrorRecord e = onlyError(read(c.toString()));
        assertEquals("MED-00050", e.claimId());
        assertEquals("contained[0].birthDate", e.error().field());
        assertFalse(e.error().message().contains("SECRET"), e.error().message());
    }

    @Test
    void inABundleThePathStartsAtTheBundleAndTheClaimIsItsOnlyClaim() throws Exception {
        ObjectNode c = sample();
        ((ObjectNode) c.path("item").get(0)).put("servicedDate", "2015-02-30");
        ObjectNode bundle = Json.mapper().createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().putObject("resource").put("resourceType", "Organization").put("id", "1");
        entries.addObject().set("resource", c);
        ErrorRecord e = onlyError(read(bundle.toString()));
        assertEquals("CLM-7", e.claimId());
        assertEquals("entry[1].resource.item[0].servicedDate", e.error().field());
    }

    @Test
    void aLineCutShortNamesTheClaimOnlyWhenWhatWasReadSettlesIt() throws Exception {
        String whole = sample().toString();
        String afterIdentifier = whole.substring(0, whole.indexOf("\"status\"", whole.indexOf("\"value\":\"CLM-7\"")));
        String insideContained = whole.substring(0, whole.indexOf("\"resourceType\"", whole.indexOf("\"contained\"")) + 30);
        assertTrue(whole.indexOf("\"id\"") < whole.indexOf("\"contained\""), "the sample names its id before its contained resources");
        List<ClaimReader.Read> reads = read(afterIdentifier, whole);
        assertEquals(2, reads.size(), reads.toString());
        assertEquals("INVALID_JSON", reads.get(0).error().error().code());
        assertEquals("CLM-7", reads.get(0).error().claimId(), "identifier[0].value was read before the cut");
        assertTrue(reads.get(1).ok(), "the next line is read");
        reads = read(whole, insideContained);
        assertEquals(2, reads.size(), reads.toString());
        assertTrue(reads.get(0).ok());
        assertEquals("INVALID_JSON", reads.get(1).error().error().code());
        assertNull(reads.get(1).error().claimId(), "only the id was read: identifier[0].value, which comes first, may follow");
        assertTrue(reads.get(1).error().error().field().startsWith("contained["), reads.get(1).error().toString());
    }

    @Test
    void aLineThatIsNotJsonNamesWhereItBreaks() throws Exception {
        String whole = sample().toString();
        int at = whole.indexOf("\"servicedDate\"");
        String broken = whole.substring(0, at) + "\"servicedDate\":}" + whole.substring(whole.indexOf(',', at));
        ErrorRecord e = onlyError(read(broken));
        assertEquals("INVALID_JSON", e.error().code());
        assertEquals("CLM-7", e.claimId());
        assertEquals("item[0].servicedDate", e.error().field());
    }

    @Test
    void anOversizedStringNamesItsFhirElement() throws Exception {
        String huge = "X".repeat(Json.MAX_STRING_CHARS + 1);
        ObjectNode code = sample();
        ((ObjectNode) code.at("/item/1/productOrService/coding/0")).put("code", huge);
        ObjectNode modifier = sample();
        ((ObjectNode) modifier.at("/item/0/modifier/0/coding/0")).put("code", huge);
        ObjectNode display = sample();
        ((ObjectNode) display.path("insurer")).put("display", huge);
        List<ClaimReader.Read> reads = read(code.toString(), modifier.toString(), display.toString());
        assertEquals(3, reads.size());
        String[] paths = {"item[1].productOrService.coding[0].code", "item[0].modifier[0].coding[0].code", "insurer.display"};
        for (int i = 0; i < 3; i++) {
            ErrorRecord e = reads.get(i).error();
            assertEquals("TOO_LARGE", e.error().code(), e.toString());
            assertEquals(paths[i], e.error().field());
            assertEquals("CLM-7", e.claimId());
            assertFalse(e.error().message().contains("XXXX"), "the value is not repeated");
        }
    }

    @Test
    void criticalAccessHospitalFromBillType85xOrTheProvidersTaxonomy() throws Exception {
        ObjectNode billType = sample();
        ((ObjectNode) billType.at("/subType/coding/0")).put("code", "0851");
        ObjectNode taxonomy = sample();
        ObjectNode org = ((ArrayNode) taxonomy.path("contained")).addObject().put("resourceType", "Organization").put("id", "prov");
        org.putArray("type").addObject().putArray("coding").addObject()
                .put("system", "http://nucc.org/provider-taxonomy").put("code", "282NC0060X");
        ((ObjectNode) taxonomy.path("provider")).put("reference", "#prov");
        ObjectNode neither = sample();
        List<ClaimReader.Read> reads = read(billType.toString(), taxonomy.toString(), neither.toString());
        assertEquals(3, reads.size());
        reads.forEach(r -> assertTrue(r.ok(), () -> r.error().toString()));
        assertTrue(reads.get(0).claim().billingProvider().criticalAccess(), "bill type 85x");
        assertEquals(ProviderRole.HOSPITAL_OUTPATIENT, reads.get(0).claim().billingProvider().role());
        assertTrue(reads.get(1).claim().billingProvider().criticalAccess(), "Organization.type 282NC0060X");
        assertEquals(ProviderRole.ASC_FACILITY, reads.get(1).claim().billingProvider().role(), "bill type 831 as before");
        assertFalse(reads.get(2).claim().billingProvider().criticalAccess());
    }
}
