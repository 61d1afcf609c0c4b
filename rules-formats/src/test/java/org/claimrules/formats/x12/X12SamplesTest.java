package org.claimrules.formats.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimrules.formats.Formats;
import org.claimrules.formats.InputFormat;
import org.claimrules.formats.Samples;
import org.claimrules.formats.Scoring;
import org.claimrules.io.ClaimReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The real 837P files of shared/samples/x12: every CLM gets exactly one record, in file order. */
class X12SamplesTest {

    /** The CLM01 of every CLM of a file, found by splitting it at its ISA's delimiters (not by the reader). */
    static List<String> claimIds(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int isa = text.indexOf("ISA");
        String element = String.valueOf(text.charAt(isa + 3));
        String terminator = String.valueOf(text.charAt(isa + 105));
        List<String> ids = new ArrayList<>();
        for (String segment : text.split(Pattern.quote(terminator))) {
            String s = segment.strip();
            if (s.startsWith("CLM" + element)) {
                ids.add(s.split(Pattern.quote(element))[1]);
            }
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x12_valid.txt", "x12_valid-facet.txt", "x12_complex.txt", "x12_complex-facet.txt",
            "x12_many_claims.txt", "x12_multiple_gs.txt", "x12_multiple_isa.txt", "x12_multiple_st.txt",
            "x12_multiple_transactions.txt", "x12_valid_different_separators.txt", "demo.example1.837",
            "demo.example1-facet.837", "demo.example2.837", "demo.cob.example4.837", "demo.example11.837",
            "demo.ambulance.example5.837", "sample837-original.edi", "837.edi", "837-facet.edi"})
    void everyClaimGetsOneRecordInFileOrder(String name) throws Exception {
        byte[] file = Scoring.bytes(Samples.x12(name));
        List<String> expected = claimIds(file);
        assertFalse(expected.isEmpty(), name + " has claims");

        List<JsonNode> out = Scoring.score(file, null, Formats.OutputFormat.JSON, 2, 0);

        assertEquals(expected.size(), out.size(), name);
        String transaction = null;
        int index = 0;
        for (int i = 0; i < out.size(); i++) {
            JsonNode r = out.get(i);
            assertEquals(expected.get(i), r.path("claimId").asText(), name + " record " + i);
            JsonNode source = r.get("source");
            assertNotNull(source, "every X12 result carries its source");
            String key = source.path("interchange").asText() + "/" + source.path("transaction").asText();
            int claim = source.path("claim").asInt();
            if (claim != 1) {
                // claims of one transaction are numbered 1, 2, ...; control numbers may repeat across transactions
                assertEquals(transaction, key, name + " record " + i);
                assertEquals(index + 1, claim, name + " record " + i);
            }
            index = claim;
            transaction = key;
            assertTrue(r.has("disposition") || r.path("error").path("field").isTextual(), r.toString());
        }
    }

    @Test
    void theManyClaimsFilesGiveTheirCounts() throws Exception {
        assertEquals(820, Scoring.read(Scoring.bytes(Samples.x12("x12_many_claims.txt")), InputFormat.X12).size());
        List<ClaimReader.Read> many = Scoring.read(Scoring.bytes(Samples.x12("x12_multiple_transactions.txt")), null);
        assertEquals(624, many.size());
    }

    @Test
    void delimitersAreReadFromEachIsa() throws Exception {
        List<ClaimReader.Read> plain = Scoring.read(Scoring.bytes(Samples.x12("x12_valid.txt")), null);
        List<ClaimReader.Read> other = Scoring.read(Scoring.bytes(Samples.x12("x12_valid_different_separators.txt")), null);
        assertEquals(plain.size(), other.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).error().claimId(), other.get(i).error().claimId());
            assertEquals(plain.get(i).error().error().code(), other.get(i).error().error().code());
            assertEquals(plain.get(i).error().error().field(), other.get(i).error().error().field());
        }
    }

    @Test
    void icd9QualifiersAreErrorRecordsNamingTheSegment() throws Exception {
        List<ClaimReader.Read> reads = Scoring.read(Scoring.bytes(Samples.x12("x12_valid.txt")), null);
        assertEquals(2, reads.size());
        for (ClaimReader.Read r : reads) {
            assertEquals("INVALID_VALUE", r.error().error().code());
            assertEquals("HI01-1", r.error().error().field());
            assertTrue(r.error().error().message().contains("ICD-9"), r.error().error().message());
        }
    }

    @Test
    void theWrongComponentSeparatorIsAClearErrorOnTheSegment() throws Exception {
        List<ClaimReader.Read> reads = Scoring.read(Scoring.bytes(Samples.x12("demo.example11.837")), null);
        assertEquals(1, reads.size());
        assertTrue(reads.get(0).error().error().field().startsWith("CLM05"), reads.get(0).error().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x12_277CA_accepted.txt", "x12_277CA_rejected.txt", "managed-care.835"})
    void otherTransactionSetsAreOneErrorRecordEach(String name) throws Exception {
        List<ClaimReader.Read> reads = Scoring.read(Scoring.bytes(Samples.x12(name)), null);
        assertFalse(reads.isEmpty());
        for (ClaimReader.Read r : reads) {
            assertEquals("ST01", r.error().error().field(), r.error().toString());
            assertTrue(r.error().error().message().contains("not an 837"), r.error().error().message());
        }
    }
}
