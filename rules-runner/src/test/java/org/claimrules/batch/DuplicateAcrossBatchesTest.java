package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member scan runs on the workers, a batch of records at a time; claim IDs must still be
 * checked in input order, so the later of two records with one claim ID is the duplicate even
 * when the two are thousands of records (many scan batches) apart, whatever the threads.
 */
class DuplicateAcrossBatchesTest {

    @TempDir
    Path tmp;

    @Test
    void theLaterRecordIsTheDuplicateWhateverTheThreads() throws Exception {
        StringBuilder input = new StringBuilder();
        int distinct = 3_000;
        int total = 3_600;
        for (int i = 0; i < total; i++) {
            // records without lines: error records, so the rules do not run, but their IDs count
            input.append("{\"claimId\":\"D-").append(i % distinct).append("\",\"patient\":{\"memberId\":\"M-")
                    .append(i % 7).append("\"}}\n");
        }
        List<String> one = codes(run(input.toString(), 1));
        assertEquals(one, codes(run(input.toString(), 3)), "the same records are duplicates with 1 and 3 threads");
        assertEquals(total, one.size());
        for (int i = 0; i < total; i++) {
            if (i < distinct) {
                assertTrue(!one.get(i).equals("DUPLICATE_CLAIM"), "record " + (i + 1) + " is a first occurrence");
            } else {
                assertEquals("DUPLICATE_CLAIM", one.get(i), "record " + (i + 1) + " repeats record " + (i - distinct + 1));
            }
        }
    }

    private String run(String input, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(threads).spillDir(tmp).build()
                .run(new StringReader(input), out);
        assertTrue(o.complete());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> codes(String output) throws Exception {
        List<String> codes = new ArrayList<>();
        for (String line : output.split("\n")) {
            JsonNode error = Json.mapper().readTree(line).get("error");
            codes.add(error == null ? "RESULT" : error.get("code").asText());
        }
        return codes;
    }
}
