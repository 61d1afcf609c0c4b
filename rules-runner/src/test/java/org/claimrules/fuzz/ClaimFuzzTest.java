package org.claimrules.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.io.RecordReader;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.TestClaims;

/**
 * Coverage-guided fuzz tests (Jazzer). In a plain {@code mvn verify} each runs once per file of its
 * seed corpus ({@code src/test/resources/org/claimrules/fuzz/ClaimFuzzTestInputs/<method>/}) as a
 * regression test; docs/robustness.md shows how to fuzz for longer. The properties:
 * <ul>
 *   <li>the record splitter agrees with a plain split of the text into lines, and bounds every record;</li>
 *   <li>reading any record yields exactly one claim or one error record and never throws;</li>
 *   <li>scoring a readable claim yields a result or an {@link InvalidClaimException}, never another
 *       exception, and a batch yields one outcome per record, in order, and never ENGINE_ERROR.</li>
 * </ul>
 */
class ClaimFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void recordReader(FuzzedDataProvider data) throws IOException {
        int maxChars = data.consumeInt(1, 40);
        String input = data.consumeRemainingAsString();

        List<RecordReader.Record> records = new ArrayList<>();
        try (RecordReader reader = new RecordReader(new StringReader(input), maxChars)) {
            RecordReader.Record r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }

        List<RecordReader.Record> expected = new ArrayList<>();
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (line.length() > maxChars) {
                expected.add(new RecordReader.Record(i + 1, null, line.length()));
                continue;
            }
            String record = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!record.isBlank()) {
                expected.add(new RecordReader.Record(i + 1, record, line.length()));
            }
        }
        assertEquals(expected, records);
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "claim.dict")
    void claimToResult(byte[] input) throws IOException {
        List<ClaimReader.Read> reads = new ArrayList<>();
        try (RecordReader reader = new RecordReader(
                new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), 1 << 16)) {
            RecordReader.Record r;
            while ((r = reader.next()) != null) {
                reads.add(r.tooLong() ? ClaimReader.tooLong(r.inputLine(), r.length())
                        : readsExactlyOne(r.text(), r.inputLine()));
            }
        }
        for (ClaimReader.Read read : reads) {
            if (read.ok()) {
                scoresOrRefuses(read);
            }
        }

        List<Outcome> outcomes = new BatchScorer(TestClaims.engine(), 1).score(reads);

        assertEquals(reads.size(), outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (reads.get(i).ok()) {
                assertEquals(reads.get(i).claim().claimId(), outcome.claimId());
            }
            if (outcome instanceof ErrorRecord e) {
                assertTrue(e.error().code() != null && !ErrorCode.ENGINE_ERROR.name().equals(e.error().code()),
                        e::toString);
                assertEquals(reads.get(i).inputLine(), e.error().inputLine());
            }
            writable(outcome);
        }
    }

    private static ClaimReader.Read readsExactlyOne(String text, long inputLine) {
        ClaimReader.Read read = ClaimReader.read(text, inputLine);
        assertNotNull(read);
        assertTrue(read.ok() != (read.error() != null));
        if (!read.ok()) {
            assertTrue(Arrays.stream(ErrorCode.values()).anyMatch(c -> c.name().equals(read.error().error().code())));
            assertEquals(inputLine, read.error().error().inputLine());
        }
        return read;
    }

    private static void scoresOrRefuses(ClaimReader.Read read) {
        try {
            ClaimResult result = TestClaims.engine().score(read.claim());
            assertEquals(read.claim().claimId(), result.claimId());
        } catch (InvalidClaimException e) {
            ErrorCode.valueOf(e.code());
            assertNotNull(e.field(), e::getMessage);
        }
    }

    private static void writable(Outcome outcome) throws JsonProcessingException {
        assertNotNull(Json.mapper().readTree(Json.mapper().writeValueAsString(outcome)));
    }
}
