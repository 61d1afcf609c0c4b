package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second family on the batch path: a member's radiofrequency ablation claims in one batch see
 * the RFA sessions of the member's earlier claims, as facet sessions do. Three lumbar RFAs of one
 * member: the first after two positive diagnostic blocks, the second a repeat whose history
 * documents the first one's relief (both clean), the third without any history. Alone, the third
 * is a first RFA without positive diagnostics (FJ-RFA-005); in the batch, the first two claims make
 * it a repeat RFA whose previous relief the batch does not know (FJ-RFA-006) and the third RFA
 * session in 12 months (FJ-RFA-007). The same through the library's member scoring, the in-memory
 * batch scorer and the streaming pipeline, whatever the order of the claims in the file.
 */
class RfaMemberBatchTest {

    @TempDir
    Path tmp;

    private static final String POSITIVE_DIAGNOSTICS = """
            [{"serviceDate":"2025-07-07","region":"LUMBAR_SACRAL","intent":"DIAGNOSTIC","levels":["L4-L5"],"reliefPercent":85,"reliefDurationWeeks":0},
             {"serviceDate":"2025-07-28","region":"LUMBAR_SACRAL","intent":"DIAGNOSTIC","levels":["L4-L5"],"reliefPercent":90,"reliefDurationWeeks":0}]""";

    /** A clean Medicare practitioner lumbar RFA (64635-50, 64636-50) of member M-RFA-BATCH on a date. */
    private static String rfaClaim(String id, String date, String history) {
        return ("{\"claimId\":\"%s\",\"payer\":{\"profile\":\"MEDICARE\",\"mac\":\"CGS_J15\"},"
                + "\"billingProvider\":{\"npi\":\"1234567893\",\"role\":\"PRACTITIONER\"},\"placeOfService\":\"11\","
                + "\"patient\":{\"memberId\":\"M-RFA-BATCH\",\"birthDate\":\"1956-05-14\",\"sex\":\"M\"},\"diagnoses\":[\"M47.816\"],"
                + "\"lines\":[{\"lineNumber\":1,\"procedureCode\":\"64635\",\"modifiers\":[\"50\"],\"units\":1,\"serviceDate\":\"%s\",\"diagnosisPointers\":[1]},"
                + "{\"lineNumber\":2,\"procedureCode\":\"64636\",\"modifiers\":[\"50\"],\"units\":1,\"serviceDate\":\"%s\",\"diagnosisPointers\":[1]}],"
                + "\"clinical\":{\"technique\":\"THERMAL_RF\",\"imagingGuidance\":\"FLUOROSCOPY\",\"levels\":[\"L4-L5\",\"L5-S1\"],\"laterality\":\"BILATERAL\"},"
                + "\"history\":%s}").formatted(id, date, date, history).replace("\n", "");
    }

    private static final String FIRST = rfaClaim("RFA-B-1", "2025-09-01", POSITIVE_DIAGNOSTICS);
    private static final String SECOND = rfaClaim("RFA-B-2", "2026-01-12",
            "[{\"serviceDate\":\"2025-09-01\",\"region\":\"LUMBAR_SACRAL\",\"intent\":\"RFA\",\"levels\":[\"L4-L5\"],"
            + "\"reliefPercent\":75,\"reliefDurationWeeks\":30}]");
    private static final String THIRD = rfaClaim("RFA-B-3", "2026-03-02", "[]");

    @Test
    void aloneTheLastClaimIsAFirstRfaWithoutPositiveDiagnostics() throws Exception {
        assertEquals(List.of(), editIds(TestData.engine().score(claim(FIRST))));
        assertEquals(List.of(), editIds(TestData.engine().score(claim(SECOND))));
        assertEquals(List.of("FJ-RFA-005:1", "FJ-RFA-005:2"), editIds(TestData.engine().score(claim(THIRD))));
    }

    @Test
    void inOneBatchTheLaterClaimsSeeTheEarlierClaimsRfaSessions() throws Exception {
        List<String> expected = List.of("", "", "FJ-RFA-006:1 FJ-RFA-007:1 FJ-RFA-006:2 FJ-RFA-007:2");
        List<Outcome> member = TestData.engine().scoreMember(List.of(claim(FIRST), claim(SECOND), claim(THIRD)));
        assertEquals(expected, summaries(member), "ClaimEngine.scoreMember");

        // the file in another order: outcomes stay with their claims
        List<String> reversed = List.of(THIRD, SECOND, FIRST);
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < reversed.size(); i++) {
            reads.add(ClaimReader.read(reversed.get(i), i + 1));
        }
        List<String> expectedReversed = List.of(expected.get(2), expected.get(1), expected.get(0));
        assertEquals(expectedReversed, summaries(new BatchScorer(TestData.engine(), 1).score(reads)), "BatchScorer");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome run = ScoringPipeline.builder(TestData.engine()).threads(2).partitions(2).spillDir(tmp)
                .build().run(new StringReader(String.join("\n", reversed) + "\n"), out);
        assertTrue(run.complete());
        List<String> streamed = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            List<String> ids = new ArrayList<>();
            Json.mapper().readTree(line).get("edits").forEach(e -> ids.add(e.get("editId").asText() + ":" + e.get("lineNumber").asInt()));
            streamed.add(String.join(" ", ids));
        }
        assertEquals(expectedReversed, streamed, "ScoringPipeline, partitioned");
    }

    private static Claim claim(String json) {
        ClaimReader.Read read = ClaimReader.read(json, 1);
        assertTrue(read.ok(), () -> String.valueOf(read.error()));
        return read.claim();
    }

    private static List<String> editIds(ClaimResult result) {
        List<String> ids = new ArrayList<>();
        for (Edit e : result.edits()) {
            ids.add(e.editId() + ":" + e.lineNumber());
        }
        return ids;
    }

    private static List<String> summaries(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            assertTrue(o instanceof ClaimResult, o::toString);
            out.add(String.join(" ", editIds((ClaimResult) o)));
        }
        return out;
    }
}
