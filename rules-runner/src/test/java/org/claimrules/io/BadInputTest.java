package org.claimrules.io;

import static org.claimrules.testing.TestClaims.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.claimrules.batch.BatchScorer;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed record becomes an error record in its own place, naming the code, the
 * field and the input line, while the good records on either side are scored as usual.
 */
class BadInputTest {

    /** A broken record: how to break the valid claim (or the raw text), and what the error must say. */
    record Case(String name, String text, ErrorCode code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case broken(String name, Consumer<ObjectNode> breakIt, ErrorCode code, String field) {
        ObjectNode claim = valid("C-BAD", "M-BAD");
        breakIt.accept(claim);
        return new Case(name, claim.toString(), code, field);
    }

    static Case raw(String name, String text, ErrorCode code, String field) {
        return new Case(name, text, code, field);
    }

    static ObjectNode line0(ObjectNode c) {
        return (ObjectNode) c.withArray("lines").get(0);
    }

    static Stream<Case> cases() {
        return Stream.of(
                raw("broken JSON", "{\"claimId\": \"C-BAD\", \"lines\": [", ErrorCode.INVALID_JSON, "lines"),
                raw("not JSON at all", "claimId=C-BAD", ErrorCode.INVALID_JSON, null),
                raw("two objects on one line", valid("C-BAD", "M").toString() + " {}", ErrorCode.INVALID_JSON, null),
                raw("repeated key", "{\"claimId\": \"C-1\", \"claimId\": \"C-2\"}", ErrorCode.INVALID_JSON, null),
                raw("an array", "[" + valid("C-BAD", "M") + "]", ErrorCode.NOT_AN_OBJECT, null),
                raw("a string", "\"C-BAD\"", ErrorCode.NOT_AN_OBJECT, null),
                raw("a number", "42", ErrorCode.NOT_AN_OBJECT, null),
                raw("null", "null", ErrorCode.NOT_AN_OBJECT, null),
                broken("claimId missing", c -> c.remove("claimId"), ErrorCode.MISSING_FIELD, "claimId"),
                broken("claimId empty", c -> c.put("claimId", " "), ErrorCode.MISSING_FIELD, "claimId"),
                broken("diagnoses missing (required, may be empty)", c -> c.remove("diagnoses"), ErrorCode.MISSING_FIELD, "diagnoses"),
                broken("payer missing", c -> c.remove("payer"), ErrorCode.MISSING_FIELD, "payer"),
                broken("profile missing", c -> c.with("payer").remove("profile"), ErrorCode.MISSING_FIELD, "payer.profile"),
                broken("role missing", c -> c.with("billingProvider").putNull("role"), ErrorCode.MISSING_FIELD,
                        "billingProvider.role"),
                broken("memberId missing", c -> c.with("patient").remove("memberId"), ErrorCode.MISSING_FIELD,
                        "patient.memberId"),
                broken("lines missing", c -> c.remove("lines"), ErrorCode.MISSING_FIELD, "lines"),
                broken("lines empty", c -> c.putArray("lines"), ErrorCode.MISSING_FIELD, "lines"),
                broken("service date missing", c -> ((ObjectNode) c.withArray("lines").get(1)).remove("serviceDate"),
                        ErrorCode.MISSING_FIELD, "lines[1].serviceDate"),
                broken("units missing", c -> line0(c).remove("units"), ErrorCode.MISSING_FIELD, "lines[0].units"),
                broken("history region missing", c -> ((ObjectNode) c.withArray("history").get(0)).remove("region"),
                        ErrorCode.MISSING_FIELD, "history[0].region"),
                broken("February 30th", c -> line0(c).put("serviceDate", "2026-02-30"), ErrorCode.INVALID_VALUE,
                        "lines[0].serviceDate"),
                broken("month 13 birth date", c -> c.with("patient").put("birthDate", "1958-13-02"),
                        ErrorCode.INVALID_VALUE, "patient.birthDate"),
                broken("date in year 1", c -> line0(c).put("serviceDate", "0001-03-02"), ErrorCode.INVALID_VALUE,
                        "lines[0].serviceDate"),
                broken("date past year 9999", c -> line0(c).put("serviceDate", "+12026-03-02"), ErrorCode.INVALID_VALUE,
                        "lines[0].serviceDate"),
                broken("date as a number", c -> line0(c).put("serviceDate", 20260302), ErrorCode.INVALID_VALUE,
                        "lines[0].serviceDate"),
                broken("zero units", c -> line0(c).put("units", 0), ErrorCode.INVALID_VALUE, "lines[0].units"),
                broken("negative units", c -> line0(c).put("units", -2), ErrorCode.INVALID_VALUE, "lines[0].units"),
                broken("fractional units", c -> line0(c).put("units", 1.5), ErrorCode.INVALID_VALUE, "lines[0].units"),
                broken("units as text", c -> line0(c).put("units", "1"), ErrorCode.INVALID_VALUE, "lines[0].units"),
                broken("units beyond int", c -> line0(c).put("units", 99_999_999_999L), ErrorCode.INVALID_VALUE,
                        "lines[0].units"),
                broken("five modifiers", c -> line0(c).putArray("modifiers").add("KX").add("50").add("RT").add("LT")
                        .add("59"), ErrorCode.INVALID_VALUE, "lines[0].modifiers"),
                broken("three-character modifier", c -> line0(c).putArray("modifiers").add("KXX"),
                        ErrorCode.INVALID_VALUE, "lines[0].modifiers[0]"),
                broken("duplicate line numbers", c -> ((ObjectNode) c.withArray("lines").get(1)).put("lineNumber", 1),
                        ErrorCode.DUPLICATE_LINE, "lines[1].lineNumber"),
                broken("line number zero", c -> line0(c).put("lineNumber", 0), ErrorCode.INVALID_VALUE,
                        "lines[0].lineNumber"),
                broken("unknown profile", c -> c.with("payer").put("profile", "ACME_GOLD"), ErrorCode.UNKNOWN_PROFILE,
                        "payer.profile"),
                broken("claimId a number", c -> c.put("claimId", 1001), ErrorCode.INVALID_VALUE, "claimId"),
                broken("payer a string", c -> c.put("payer", "MEDICARE"), ErrorCode.INVALID_VALUE, "payer"),
                broken("lines an object", c -> c.putObject("lines"), ErrorCode.INVALID_VALUE, "lines"),
                broken("diagnoses a string", c -> c.put("diagnoses", "M47.816"), ErrorCode.INVALID_VALUE, "diagnoses"),
                broken("unknown role", c -> c.with("billingProvider").put("role", "DOCTOR"), ErrorCode.INVALID_VALUE,
                        "billingProvider.role"),
                broken("boolean as text", c -> c.with("billingProvider").put("priorAuthExempt", "no"),
                        ErrorCode.INVALID_VALUE, "billingProvider.priorAuthExempt"),
                broken("null line", c -> c.putArray("lines").addNull(), ErrorCode.INVALID_VALUE, "lines[0]"),
                broken("null modifier", c -> line0(c).putArray("modifiers").add("KX").addNull(), ErrorCode.INVALID_VALUE,
                        "lines[0].modifiers[1]"),
                broken("null diagnosis", c -> c.putArray("diagnoses").addNull(), ErrorCode.INVALID_VALUE, "diagnoses[0]"),
                broken("null pointer", c -> line0(c).putArray("diagnosisPointers").addNull(), ErrorCode.INVALID_VALUE,
                        "lines[0].diagnosisPointers[0]"),
                broken("null history entry", c -> c.putArray("history").addNull(), ErrorCode.INVALID_VALUE, "history[0]"),
                broken("null level", c -> c.with("clinical").putArray("levels").addNull(), ErrorCode.INVALID_VALUE,
                        "clinical.levels[0]"),
                broken("1,000 lines", c -> {
                    ArrayNode lines = c.putArray("lines");
                    for (int i = 1; i <= 1_000; i++) {
                        lines.add(TestClaims.line(i, "64493"));
                    }
                }, ErrorCode.TOO_LARGE, "lines"),
                broken("1,001 history entries", c -> {
                    ObjectNode entry = (ObjectNode) c.withArray("history").get(0);
                    ArrayNode history = c.putArray("history");
                    for (int i = 0; i < 1_001; i++) {
                        history.add(entry.deepCopy());
                    }
                }, ErrorCode.TOO_LARGE, "history"),
                broken("100 diagnoses", c -> {
                    ArrayNode dx = c.putArray("diagnoses");
                    for (int i = 0; i < 100; i++) {
                        dx.add("M47.816");
                    }
                }, ErrorCode.TOO_LARGE, "diagnoses"),
                broken("very long claim ID", c -> c.put("claimId", "C".repeat(500)), ErrorCode.TOO_LARGE, "claimId"),
                broken("very long string", c -> c.with("clinical").put("rfaNonCandidateReason", "x".repeat(20_000)),
                        ErrorCode.TOO_LARGE, "clinical.rfaNonCandidateReason"),
                raw("nesting 40 deep", valid("C-BAD", "M").toString().replaceFirst("\\{",
                        "{\"deep\":" + "[".repeat(40) + "]".repeat(40) + ","), ErrorCode.TOO_LARGE, null),
                raw("record over the size limit", "{\"claimId\": \"C-BAD\", \"pad\": \""
                        + "x".repeat(ClaimReader.MAX_RECORD_CHARS) + "\"}", ErrorCode.TOO_LARGE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRecordBecomesAnErrorRecordInItsPlaceAndItsNeighboursAreScored(Case c) {
        List<ClaimReader.Read> reads = List.of(
                ClaimReader.read(valid("C-BEFORE", "M-1").toString(), 1),
                ClaimReader.read(c.text(), 2),
                ClaimReader.read(valid("C-AFTER", "M-1").toString(), 3));

        List<Outcome> outcomes = new BatchScorer(TestClaims.engine(), 2).score(reads);

        assertEquals(3, outcomes.size());
        assertEquals("C-BEFORE", assertInstanceOf(ClaimResult.class, outcomes.get(0)).claimId());
        assertEquals("C-AFTER", assertInstanceOf(ClaimResult.class, outcomes.get(2)).claimId());
        ErrorRecord error = assertInstanceOf(ErrorRecord.class, outcomes.get(1), "record 2 must be an error record");
        assertEquals(c.code().name(), error.error().code(), () -> error.toString());
        assertEquals(c.field(), error.error().field(), () -> error.toString());
        assertEquals(2L, error.error().inputLine());
        assertFalse(error.error().message().isBlank());
    }

    @Test
    void anErrorMessageNeverRepeatsABirthDateOrDiagnosis() {
        ObjectNode claim = valid("C-BAD", "M-1");
        claim.with("patient").put("birthDate", "1958-02-31");
        ErrorRecord birth = ClaimReader.read(claim.toString(), 1).error();
        claim = valid("C-BAD", "M-1");
        claim.putArray("diagnoses").add(12345);
        ErrorRecord dx = ClaimReader.read(claim.toString(), 1).error();

        assertEquals("patient.birthDate", birth.error().field());
        assertFalse(birth.error().message().contains("1958"), birth.error().message());
        assertEquals("diagnoses[0]", dx.error().field());
        assertFalse(dx.error().message().contains("12345"), dx.error().message());
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode claim = valid("C-NEW", "M-1");
        claim.put("submittedVia", "portal");
        claim.putObject("attachments").putArray("pages").add(1).add(2);
        line0(claim).put("ndc", "00002-1433-80");
        claim.with("patient").putObject("address").put("zip", "12345");

        ClaimReader.Read read = ClaimReader.read(claim.toString(), 7);

        assertTrue(read.ok(), () -> String.valueOf(read.error()));
        ClaimResult result = TestClaims.engine().score(read.claim());
        assertEquals(TestClaims.engine().score(ClaimReader.read(valid("C-NEW", "M-1").toString(), 1).claim()), result);
    }

    @Test
    void theClaimIdOfABrokenObjectIsKeptWhenItCanBeRead() {
        ObjectNode claim = valid("C-KNOWN", "M-1");
        line0(claim).put("units", "one");

        ErrorRecord error = ClaimReader.read(claim.toString(), 4).error();

        assertEquals("C-KNOWN", error.claimId());
    }
}
