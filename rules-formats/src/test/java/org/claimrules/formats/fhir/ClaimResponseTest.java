package org.claimrules.formats.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.claimrules.formats.Formats;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * The ClaimResponses written for every FHIR sample, and for an 837P, are valid R4: HAPI's parser
 * reads them back in strict mode, and every element the base ClaimResponse profile requires is
 * present wherever its parent is. Results carry their edits on their items.
 */
class ClaimResponseTest {

    private static final StructureDefinition PROFILE = (StructureDefinition) new DefaultProfileValidationSupport(
            Fhir.context()).fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/ClaimResponse");

    private static List<ClaimResponse> responses(byte[] input) throws Exception {
        List<ClaimResponse> out = new ArrayList<>();
        IParser strict = Fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (JsonNode line : Scoring.score(input, null, Formats.OutputFormat.FHIR, 2, 0)) {
            out.add(strict.parseResource(ClaimResponse.class, line.toString()));
        }
        return out;
    }

    /** Every element with min >= 1 in the profile's snapshot is present under each present parent. */
    private static void meetsTheBaseProfile(ClaimResponse r) {
        FhirTerser terser = Fhir.context().newTerser();
        for (ElementDefinition e : PROFILE.getSnapshot().getElement()) {
            String path = e.getPath();
            int dot = path.lastIndexOf('.');
            if (e.getMin() < 1 || dot < 0 || path.contains("[x]")) {
                continue;
            }
            String parent = path.substring(0, dot);
            List<IBase> parents = parent.contains(".") ? terser.getValues(r, parent) : List.of(r);
            for (IBase p : parents) {
                assertFalse(terser.getValues(p, path.substring(dot + 1)).isEmpty(), path + " is required");
            }
        }
    }

    @Test
    void everySampleClaimGetsAValidClaimResponse() throws Exception {
        List<Path> claims;
        try (Stream<Path> files = Files.list(Samples.dir("fhir"))) {
            claims = files.filter(p -> p.getFileName().toString().startsWith("Claim-")).sorted().toList();
        }
        assertEquals(10, claims.size());
        int complete = 0;
        for (Path claim : claims) {
            List<ClaimResponse> out = responses(Scoring.bytes(claim));
            assertEquals(1, out.size(), claim.toString());
            ClaimResponse r = out.get(0);
            meetsTheBaseProfile(r);
            if (r.getOutcome() == ClaimResponse.RemittanceOutcome.COMPLETE) {
                complete++;
            } else {
                assertEquals(ClaimResponse.RemittanceOutcome.ERROR, r.getOutcome());
                assertEquals(Fhir.ERROR_CODE, r.getErrorFirstRep().getCode().getCodingFirstRep().getSystem());
            }
        }
        assertEquals(2, complete, "the CMS-1500 example and its facet copy are scored");
    }

    @Test
    void editsAreOnTheirItemsWithCarcRarcAndMessage() throws Exception {
        ClaimResponse r = responses(Scoring.bytes(Samples.fhir("Claim-MED-00050-facet.json"))).get(0);
        assertEquals("Claim/MED-00050", r.getRequest().getReference());
        assertTrue(r.getPatient().hasIdentifier(), "the patient identified by the member ID");
        assertEquals(2, r.getItem().size());
        for (ClaimResponse.ItemComponent item : r.getItem()) {
            assertEquals(Fhir.LINE_STATUS, item.getAdjudicationFirstRep().getCategory().getCodingFirstRep().getSystem());
            assertTrue(item.hasNoteNumber());
            for (var n : item.getNoteNumber()) {
                String text = r.getProcessNote().get(n.getValue() - 1).getText();
                assertTrue(text.startsWith("FJ-") || text.startsWith("RARC "), text);
            }
        }
        boolean carc = r.getItem().stream().flatMap(i -> i.getAdjudication().stream())
                .anyMatch(a -> Fhir.CARC.equals(a.getReason().getCodingFirstRep().getSystem()));
        assertTrue(carc, "a denied line carries its CARC as an adjudication reason");
    }

    @Test
    void x12ClaimsCanBeAnsweredInFhirToo() throws Exception {
        List<ClaimResponse> out = responses(Scoring.bytes(Samples.x12("x12_complex-facet.txt")));
        assertEquals(6, out.size());
        out.forEach(ClaimResponseTest::meetsTheBaseProfile);
        assertEquals("A37YH556", out.get(0).getIdentifierFirstRep().getValue());
    }
}
