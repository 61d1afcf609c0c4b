package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --history} seam, with a store held in the test JVM (the JDBC store is tested in
 * {@link JdbcHistoryStoreTest}): each claim of a member is scored with the store's entries before its own history,
 * which is what {@code claimrules score} gives for a file whose claims carry those entries.
 */
class HistoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void storedHistoryIsReadForThePartitionsMembersAndCountsAsTheClaimsOwnEarlierHistory() throws Exception {
        Path plain = LocalSpark.generate(dir, 1500, 13);
        List<String> lines = Files.readAllLines(plain);
        Map<String, List<HistoryEntry>> store = storeFor(lines);
        Path withHistory = dir.resolve("with-history.jsonl");
        Files.write(withHistory, prependHistory(lines, store));
        MapHistoryStoreProvider.STORES.put("test-history:t1", store);

        Scored expected = LocalSpark.cliScore(withHistory, dir.resolve("expected.jsonl"));
        Scored withoutStore = LocalSpark.cliScore(plain, dir.resolve("plain.jsonl"));
        Scored spark = LocalSpark.sparkScore(plain, dir.resolve("out"), "--history", "test-history:t1");

        assertNotEquals(withoutStore.lines(), expected.lines(), "the stored history changes some results");
        assertEquals(expected.lines(), spark.lines());
        assertTrue(MapHistoryStoreProvider.ASKED.containsAll(store.keySet()));
        assertEquals(0, MapHistoryStoreProvider.OPEN.get(), "every store opened was closed");
    }

    @Test
    void aHistoryLocationNoProviderReadsIsAUsageError() {
        Scored run = LocalSpark.sparkScore(dir.resolve("any.jsonl"), dir.resolve("out"), "--history", "jdbc:none");

        assertEquals(SparkScore.USAGE, run.exit());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /** For every third member: two diagnostic sessions with no relief, a month and two before the member's first claim. */
    private static Map<String, List<HistoryEntry>> storeFor(List<String> lines) {
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, Region> region = new HashMap<>();
        long n = 0;
        for (String line : lines) {
            ClaimReader.Read r = ClaimReader.read(line, ++n);
            if (!r.ok() || r.claim().memberId() == null || Math.floorMod(r.claim().memberId().hashCode(), 3) != 0) {
                continue;
            }
            LocalDate date = r.claim().lines().stream().map(ClaimLine::serviceDate).filter(d -> d != null)
                    .min(LocalDate::compareTo).orElse(null);
            if (date != null && (first.get(r.claim().memberId()) == null || date.isBefore(first.get(r.claim().memberId())))) {
                first.put(r.claim().memberId(), date);
                region.put(r.claim().memberId(), r.claim().clinical() != null && r.claim().clinical().levels() != null
                        && r.claim().clinical().levels().stream().anyMatch(l -> l.startsWith("C"))
                        ? Region.CERVICAL_THORACIC : Region.LUMBAR_SACRAL);
            }
        }
        Map<String, List<HistoryEntry>> store = new HashMap<>();
        first.forEach((member, date) -> {
            List<String> levels = region.get(member) == Region.CERVICAL_THORACIC ? List.of("C5-C6") : List.of("L4-L5");
            store.put(member, List.of(
                    new HistoryEntry(date.minusDays(60), region.get(member), Intent.DIAGNOSTIC, levels, 0, null, null),
                    new HistoryEntry(date.minusDays(30), region.get(member), Intent.DIAGNOSTIC, levels, 0, null, null)));
        });
        return store;
    }

    private static List<String> prependHistory(List<String> lines, Map<String, List<HistoryEntry>> store) throws Exception {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long n = 0;
        for (String line : lines) {
            ClaimReader.Read r = ClaimReader.read(line, ++n);
            List<HistoryEntry> entries = r.ok() && r.claim().memberId() != null ? store.get(r.claim().memberId()) : null;
            if (entries == null) {
                out.add(line);
                continue;
            }
            seen.add(r.claim().memberId());
            ObjectNode claim = (ObjectNode) Json.mapper().readTree(line);
            ArrayNode history = Json.mapper().createArrayNode();
            entries.forEach(e -> history.add(Json.mapper().valueToTree(e)));
            if (claim.has("history")) {
                history.addAll((ArrayNode) claim.get("history"));
            }
            claim.set("history", history);
            out.add(Json.mapper().writeValueAsString(claim));
        }
        assertEquals(store.keySet(), seen);
        return out;
    }
}
