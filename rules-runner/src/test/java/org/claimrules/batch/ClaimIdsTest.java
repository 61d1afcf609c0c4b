package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimIdsTest {

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void aRepeatIsSeenAndTheSetStaysSmall() {
        ClaimIds ids = new ClaimIds();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertTrue(ids.add("C-" + i), "first time C-" + i);
        }
        for (int i = 0; i < n; i += 997) {
            assertFalse(ids.add("C-" + i), "repeat C-" + i);
        }
        // 8 bytes a slot at most 3/4 full: under 22 bytes a claim, against ~100 for the strings.
        assertTrue(ids.footprint() <= 22L * n, "bytes: " + ids.footprint());
    }

    @Test
    void theLaterRecordIsTheDuplicateWhateverThreadsAndSpilling() throws Exception {
        List<String> lines = new ArrayList<>(TestData.lines(3, 300));
        int k = 10;
        while (!org.claimrules.io.ClaimReader.read(lines.get(k), 1).ok()) {
            k++;
        }
        String first = lines.get(k);
        String id = Json.mapper().readTree(first).get("claimId").asText();
        lines.add(k + 100, first);
        lines.add(first.replace("\"memberId\":\"", "\"memberId\":\"OTHER-"));
        int last = lines.size() - 1;
        String input = TestData.text(lines);
        byte[] reference = null;
        for (int[] config : new int[][] {{1, 0}, {2, 0}, {2, 5}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScoringPipeline.builder(TestData.engine()).threads(config[0]).partitions(config[1]).spillDir(tmp).build()
                    .run(new StringReader(input), out);
            if (reference == null) {
                reference = out.toByteArray();
                String[] results = out.toString(StandardCharsets.UTF_8).split("\n");
                assertFalse(results[k].contains("DUPLICATE_CLAIM"), "the first record with the ID is scored");
                assertTrue(results[k + 100].contains("DUPLICATE_CLAIM") && results[k + 100].contains(id), results[k + 100]);
                assertTrue(results[last].contains("DUPLICATE_CLAIM"), results[last]);
                assertEquals(2, out.toString(StandardCharsets.UTF_8).split("DUPLICATE_CLAIM", -1).length - 1);
            } else {
                assertEquals(new String(reference, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
