package org.claimrules.formats.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.claimrules.formats.Formats;
import org.claimrules.formats.Scoring;
import org.claimrules.io.ClaimReader;
import org.junit.jupiter.api.Test;

/**
 * Broken 837P input: the claim at fault gets an error record naming the segment and its position,
 * in its place, and its neighbours are scored as if it were not there.
 */
class X12BrokenInputTest {

    private static final String CLAIM = "{\"claimId\":\"C%d\",\"payer\":{\"profile\":\"MEDICARE\",\"mac\":\"CGS_J15\"},"
            + "\"billingProvider\":{\"npi\":\"1234567893\",\"role\":\"PRACTITIONER\"},\"placeOfService\":\"11\","
            + "\"patient\":{\"memberId\":\"M-%d\",\"birthDate\":\"1957-05-14\",\"sex\":\"F\"},\"diagnoses\":[\"M47.816\"],"
            + "\"lines\":[{\"lineNumber\":1,\"procedureCode\":\"64493\",\"modifiers\":[\"KX\",\"50\"],\"units\":1,"
            + "\"serviceDate\":\"2026-03-02\",\"diagnosisPointers\":[1],\"charge\":900.00}]}";

    /** Three claims, each in its own interchange when {@code perTransaction} is 1. */
    private static String file(int perTransaction) throws Exception {
        StringWriter out = new StringWriter();
        try (X12Writer w = new X12Writer(out, perTransaction)) {
            for (int i = 1; i <= 3; i++) {
                w.write(ClaimReader.read(String.format(CLAIM, i, i), 1).claim());
            }
        }
        return out.toString();
    }

    /** The text of claim C2 changed by {@code edit}: from its CLM to the next HL or SE. */
    private static String breakSecondClaim(String file, UnaryOperator<String> edit) {
        int from = file.indexOf("CLM*C2*");
        int to = file.indexOf("HL*", from);
        to = to < 0 ? file.indexOf("SE*", from) : Math.min(to, file.indexOf("SE*", from) < 0 ? to : file.indexOf("SE*", from));
        return file.substring(0, from) + edit.apply(file.substring(from, to)) + file.substring(to);
    }

    private static List<JsonNode> score(String file) throws Exception {
        return Scoring.score(file.getBytes(StandardCharsets.UTF_8), null, Formats.OutputFormat.JSON, 1, 0);
    }

    /** C1 and C3 are scored; C2 is the error record with {@code field}, at the position of the segment at fault. */
    private static JsonNode secondIsAnError(List<JsonNode> out, String field, String code) {
        assertEquals(3, out.size(), out.toString());
        assertEquals("C1", out.get(0).path("claimId").asText());
        assertTrue(out.get(0).has("disposition"), out.get(0).toString());
        assertEquals("C3", out.get(2).path("claimId").asText());
        assertTrue(out.get(2).has("disposition"), out.get(2).toString());
        JsonNode error = out.get(1).path("error");
        assertEquals("C2", out.get(1).path("claimId").asText(), out.get(1).toString());
        assertEquals(field, error.path("field").asText(), error.toString());
        assertEquals(code, error.path("code").asText(), error.toString());
        assertTrue(error.path("inputLine").asLong() > 0);
        assertTrue(error.path("message").asText().contains("segment " + error.path("inputLine").asLong()), error.toString());
        assertNotNull(out.get(1).get("source"));
        return error;
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorRecordOfTheirClaim() throws Exception {
        String file = breakSecondClaim(file(3), c -> c.replace("DTP*472", "NTE*ADD*BAD\u00FF*~DTP*472"));
        byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
        List<JsonNode> out = Scoring.score(bytes, null, Formats.OutputFormat.JSON, 1, 0);
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).has("disposition"), out.get(0).toString());
        assertTrue(out.get(2).has("disposition"), out.get(2).toString());
        assertEquals("C2", out.get(1).path("claimId").asText(), out.get(1).toString());
        assertTrue(out.get(1).path("error").path("message").asText().contains("UTF-8"), out.get(1).toString());
    }

    @Test
    void aTransactionSentTwiceGivesDuplicatesWhileARepeatedClaimIdInAnotherTransactionIsScored() throws Exception {
        String one = file(3);
        int st = one.indexOf("ST*");
        int se = one.indexOf("\n", one.indexOf("SE*")) + 1;
        String transaction = one.substring(st, se);
        // the same transaction twice in its group, then once more under another control number
        String again = one.substring(0, se) + transaction
                + transaction.replace("ST*837*0001*", "ST*837*0009*").replaceAll("(SE\\*\\d+\\*)0001", "$1" + "0009")
                + one.substring(se);
        List<JsonNode> out = score(again);
        assertEquals(9, out.size(), out.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(out.get(i).has("disposition"), out.get(i).toString());
            assertEquals("DUPLICATE_CLAIM", out.get(3 + i).path("error").path("code").asText(), out.get(3 + i).toString());
            assertEquals(out.get(i).get("source"), out.get(3 + i).get("source"), "the duplicate carries its source");
            assertTrue(out.get(6 + i).has("disposition"), out.get(6 + i).toString());
        }
    }

    @Test
    void interchangesOfTwoSendersWithOneControlNumberAreTwoInterchanges() throws Exception {
        String one = file(3);
        // the same interchange (ISA13, ST02, CLM01s) from another sender (ISA06), then from another
        // sender qualifier (ISA05), then again from the first sender: only the last is a copy
        String otherSender = one.replace("*ZZ*SUBMITTER      *ZZ*RECEIVER", "*ZZ*OTHERSENDER    *ZZ*RECEIVER");
        String otherQualifier = one.replace("*ZZ*SUBMITTER      *ZZ*RECEIVER", "*01*SUBMITTER      *ZZ*RECEIVER");
        assertTrue(!otherSender.equals(one) && !otherQualifier.equals(one), "the ISA was changed");
        List<JsonNode> out = score(one + otherSender + otherQualifier + one);
        assertEquals(12, out.size(), out.toString());
        for (int i = 0; i < 9; i++) {
            assertTrue(out.get(i).has("disposition"), out.get(i).toString());
        }
        for (int i = 9; i < 12; i++) {
            assertEquals("DUPLICATE_CLAIM", out.get(i).path("error").path("code").asText(), out.get(i).toString());
        }
    }

    @Test
    void aCriticalAccessHospitalTaxonomyMarksTheBillingProvider() throws Exception {
        String file = file(3);
        int second = file.indexOf("NM1*85*", file.indexOf("NM1*85*") + 1);
        String cah = file.substring(0, second) + "PRV*BI*PXC*282NC0060X~\n" + file.substring(second);
        List<ClaimReader.Read> reads = Scoring.read(cah.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(3, reads.size());
        assertFalse(reads.get(0).claim().billingProvider().criticalAccess());
        assertTrue(reads.get(1).claim().billingProvider().criticalAccess(), "PRV03 282NC0060X in loop 2000A");
        assertEquals(org.claimrules.model.ProviderRole.PRACTITIONER, reads.get(1).claim().billingProvider().role());
        assertFalse(reads.get(2).claim().billingProvider().criticalAccess());
    }

    @Test
    void fractionalUnits() throws Exception {
        String file = breakSecondClaim(file(3), c -> c.replace("*UN*1*", "*UN*1.5*"));
        JsonNode error = secondIsAnError(score(file), "SV104", "INVALID_VALUE");
        // the segments are one a line here, so the position is the line number
        String[] lines = file.split("\n");
        assertTrue(lines[(int) error.path("inputLine").asLong() - 1].startsWith("SV1*"));
    }

    @Test
    void unitsOfOneWrittenAsADecimalAreOne() throws Exception {
        List<JsonNode> out = score(breakSecondClaim(file(3), c -> c.replace("*UN*1*", "*UN*1.00*")));
        assertTrue(out.get(1).has("disposition"), out.get(1).toString());
    }

    @Test
    void aMissingRequiredElement() throws Exception {
        secondIsAnError(score(breakSecondClaim(file(3), c -> c.replace("*11:B:1*", "**"))), "CLM05-1", "MISSING_FIELD");
    }

    @Test
    void aSegmentOutOfPlace() throws Exception {
        // a service line's SV1 before the claim's HI (and before any LX)
        String file = breakSecondClaim(file(3), c -> c.replaceFirst("HI\\*", "SV1*HC:64493*900*UN*1~\nHI*"));
        JsonNode error = secondIsAnError(score(file), "SV1", "INVALID_VALUE");
        assertTrue(file.split("\n")[(int) error.path("inputLine").asLong() - 1].startsWith("SV1*"), error.toString());
    }

    @Test
    void icd9Diagnoses() throws Exception {
        secondIsAnError(score(breakSecondClaim(file(3), c -> c.replace("HI*ABK:M47816", "HI*BK:7213"))), "HI01-1",
                "INVALID_VALUE");
    }

    @Test
    void anUnknownPayerWithoutAFilingIndicatorProfile() throws Exception {
        String file = file(1);
        int second = file.indexOf("CLM*C2*");
        String before = file.substring(0, second).replaceFirst("(?s)(.*)SBR\\*P\\*18\\*+MB", "$1SBR*P*18*******ZZ")
                .replaceFirst("(?s)(.*)PI\\*15202", "$1PI*99999");
        List<JsonNode> out = score(before + file.substring(second));
        assertEquals("UNKNOWN_PROFILE", out.get(1).path("error").path("code").asText(), out.get(1).toString());
        assertTrue(out.get(0).has("disposition") && out.get(2).has("disposition"));
    }

    @Test
    void aBrokenEnvelopeLosesOnlyItsOwnClaims() throws Exception {
        String file = file(1);
        int second = file.indexOf("ISA", 1);
        // the second interchange header is cut short: not 16 elements of fixed length
        String broken = file.substring(0, second) + "ISA*00*BROKEN~\n" + file.substring(file.indexOf("GS*", second));
        List<JsonNode> out = score(broken);
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).has("disposition"));
        assertEquals("C2", out.get(1).path("claimId").asText(), out.get(1).toString());
        assertEquals("INVALID_VALUE", out.get(1).path("error").path("code").asText());
        assertTrue(out.get(2).has("disposition"), out.get(2).toString());
    }

    @Test
    void aFileCutShortGivesTheOpenClaimAnError() throws Exception {
        String file = file(3);
        List<JsonNode> out = score(file.substring(0, file.indexOf("SV1*", file.indexOf("CLM*C3*"))));
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).has("disposition") && out.get(1).has("disposition"));
        assertEquals("C3", out.get(2).path("claimId").asText());
        assertTrue(out.get(2).has("error"), out.get(2).toString());
    }

    @Test
    void wrongControlCountsAreReportedNotFatal() throws Exception {
        List<JsonNode> out = score(file(3).replaceFirst("SE\\*\\d+\\*", "SE*99*").replaceFirst("GE\\*1\\*", "GE*7*"));
        assertEquals(3, out.size());
        out.forEach(r -> assertTrue(r.has("disposition"), r.toString()));
    }

    @Test
    void strayBytesAfterTheLastInterchangeAreReportedOnce() throws Exception {
        List<JsonNode> out = score(file(1) + "this is not X12\n");
        assertEquals(4, out.size(), out.toString());
        assertFalse(out.get(3).has("claimId"));
        assertEquals("INVALID_VALUE", out.get(3).path("error").path("code").asText());
    }
}
