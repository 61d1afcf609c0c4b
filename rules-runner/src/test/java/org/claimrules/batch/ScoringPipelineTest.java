package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.result.Outcome;
import org.claimrules.report.BatchSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringPipelineTest {

    static List<String> lines;
    static String input;
    static byte[] reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void scoreInMemoryWithBatchScorer() throws Exception {
        lines = TestData.lines(42, 2500);
        input = TestData.text(lines);
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            reads.add(ClaimReader.read(lines.get(i), i + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Outcome o : new BatchScorer(TestData.engine(), 1).score(reads)) {
            out.write(Json.mapper().writeValueAsBytes(o));
            out.write('\n');
        }
        reference = out.toByteArray();
    }

    private byte[] run(ScoringPipeline.Builder b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = b.spillDir(tmp).build().run(new StringReader(input), out);
        assertTrue(o.complete());
        return out.toByteArray();
    }

    @Test
    void sameBytesAsTheInMemoryScorerWhateverThreadsAndPartitions() throws Exception {
        assertArrayEquals(reference, run(ScoringPipeline.builder(TestData.engine()).threads(1)), "1 thread");
        assertArrayEquals(reference, run(ScoringPipeline.builder(TestData.engine()).threads(3)), "3 threads");
        assertArrayEquals(reference, run(ScoringPipeline.builder(TestData.engine()).threads(2).partitions(7)),
                "forced spill, 7 partitions");
        assertArrayEquals(reference, run(ScoringPipeline.builder(TestData.engine()).threads(2).memoryBudget(200_000)),
                "spill past a small budget");
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "spill files are removed");
        }
    }

    @Test
    void theInputHasMembersWhoseEarlierClaimsFeedLaterOnes() throws Exception {
        // Without such members the identical-bytes test above would not exercise the in-batch history.
        Map<String, Integer> claimsByMember = new HashMap<>();
        Map<String, Integer> feedingByMember = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ClaimReader.Read r = ClaimReader.read(lines.get(i), i + 1);
            if (!r.ok() || r.claim().memberId() == null) {
                continue;
            }
            claimsByMember.merge(r.claim().memberId(), 1, Integer::sum);
            try {
                if (!TestData.engine().evaluate(r.claim(), List.of(), null).historyForLaterClaims().isEmpty()) {
                    feedingByMember.merge(r.claim().memberId(), 1, Integer::sum);
                }
            } catch (RuntimeException invalid) {
                // an invalid claim feeds nothing
            }
        }
        long members = claimsByMember.entrySet().stream()
                .filter(e -> e.getValue() > 1 && feedingByMember.getOrDefault(e.getKey(), 0) > 0).count();
        assertTrue(members > 100, "members with several claims and sessions to pass on: " + members);
    }

    @Test
    void summaryCountsEqualTheResults() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(2).partitions(3).spillDir(tmp)
                .build().run(new StringReader(input), out);
        BatchSummary s = BatchSummary.of(o.tally(), o.complete(), o.stoppedAt().name(), o.read(), o.written(), "v", 2,
                o.partitions(), 1);
        Map<String, Long> dispositions = new TreeMap<>();
        Map<String, Long> edits = new TreeMap<>();
        long errors = 0;
        for (String line : new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = Json.mapper().readTree(line);
            if (n.has("error")) {
                errors++;
                continue;
            }
            dispositions.merge(n.get("disposition").asText(), 1L, Long::sum);
            n.get("edits").forEach(e -> edits.merge(e.get("editId").asText(), 1L, Long::sum));
        }
        assertEquals(lines.size(), o.read());
        assertEquals(o.read(), o.written());
        assertEquals(errors, s.errorRecords());
        assertEquals(o.read() - errors, s.results());
        Map<String, Long> summaryDispositions = new TreeMap<>();
        s.byDisposition().forEach((d, n) -> {
            if (n > 0) {
                summaryDispositions.put(d.name(), n);
            }
        });
        assertEquals(dispositions, summaryDispositions);
        Map<String, Long> summaryEdits = new TreeMap<>();
        s.edits().forEach((id, c) -> summaryEdits.put(id, c.count()));
        assertEquals(edits, summaryEdits);
    }

    @Test
    void aStopWhileWritingLeavesCompleteLinesOnly() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Progress stopWhileWriting = new Progress() {
            boolean writing;

            @Override
            public void phase(String name, long total) {
                writing = name.equals("writing");
            }

            @Override
            public void advance(long n) {
                if (writing) {
                    stop.set(true);
                }
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(2).partitions(4).spillDir(tmp)
                .progress(stopWhileWriting).stop(stop).build().run(new StringReader(input), out);
        assertFalse(o.complete());
        assertEquals(ScoringPipeline.Stage.WRITING, o.stoppedAt());
        assertTrue(o.written() > 0 && o.written() < o.read(), "written " + o.written());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        String[] written = text.split("\n");
        assertEquals(o.written(), written.length);
        String[] expected = new String(reference, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < written.length; i++) {
            Json.mapper().readTree(written[i]);
            assertEquals(expected[i], written[i], "a prefix of the complete output");
        }
    }

    @Test
    void aFailingDiskIsAnErrorNotAShortFile() {
        OutputStream full = new OutputStream() {
            long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 10_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        OutputFailedException e = assertThrows(OutputFailedException.class, () -> ScoringPipeline
                .builder(TestData.engine()).threads(2).spillDir(tmp).build().run(new StringReader(input), full));
        assertTrue(e.getMessage().contains("No space left"));
    }

    @Test
    void memberKeyAgreesWithTheBoundClaim() {
        Map<String, String> cases = new HashMap<>();
        // A key repeated in one object makes the record an error record (Json refuses it), so it has no member.
        cases.put("{\"patient\":{\"memberId\":\"A\"},\"patient\":{\"memberId\":\"B\"}}", null);
        cases.put("{\"patient\":{\"memberId\":\"A\",\"memberId\":\"B\"}}", null);
        cases.put("{\"patient\":{\"memberId\":\"A\"},\"patient\":null}", null);
        cases.put("{\"lines\":[{\"patient\":{\"memberId\":\"X\"}}],\"patient\":{\"memberId\":\"M\\u002d1\"}}", "M-1");
        cases.forEach((text, expected) -> {
            assertEquals(expected, MemberKey.of(text), text);
            ClaimReader.Read r = ClaimReader.read(text, 1);
            if (r.ok()) {
                assertEquals(r.claim().memberId(), MemberKey.of(text), "bound member of " + text);
            }
        });
    }
}
