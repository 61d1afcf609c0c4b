package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.Ruleset;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.Rulesets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's batch entry ({@link BatchScorer#score}) keeps the contract of the streaming
 * pipeline: a repeated claim ID is a DUPLICATE_CLAIM error record, and a batch (so each member)
 * is scored on one ruleset, the one active when it starts, whatever is swapped in meanwhile.
 */
class BatchScorerContractTest {

    @TempDir
    static Path tmp;

    /** A second ruleset with another version: the bundled one exported to a folder. */
    static Ruleset other;

    @BeforeAll
    static void loadASecondRuleset() throws Exception {
        other = ClaimEngine.fromDirectory(Rulesets.copyOfBundled(tmp.resolve("copy"))).ruleset();
        assertNotEquals(TestData.engine().version(), other.version());
    }

    private static List<ClaimReader.Read> reads(List<String> lines) {
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            reads.add(ClaimReader.read(lines.get(i), i + 1));
        }
        return reads;
    }

    private static byte[] bytes(List<Outcome> outcomes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Outcome o : outcomes) {
            out.write(Json.mapper().writeValueAsBytes(o));
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void aRepeatedClaimIdIsADuplicateClaimRecordAsInThePipeline() throws Exception {
        List<String> lines = new ArrayList<>(TestData.lines(11, 300));
        // a claim sent again, and one sent again with another member (a different record, the same ID)
        lines.add(lines.get(5));
        lines.add(lines.get(40).replaceFirst("\"memberId\"\\s*:\\s*\"[^\"]*\"", "\"memberId\":\"M-OTHER\""));
        List<Outcome> outcomes = new BatchScorer(TestData.engine(), 2).score(reads(lines));

        Outcome repeated = outcomes.get(lines.size() - 2);
        Outcome moved = outcomes.get(lines.size() - 1);
        for (Outcome o : List.of(repeated, moved)) {
            assertTrue(o instanceof ErrorRecord e && e.error().code().equals(ErrorCode.DUPLICATE_CLAIM.name()), o::toString);
        }
        assertTrue(outcomes.get(5) instanceof ClaimResult, "the first record of the ID is scored");
        assertEquals(lines.size(), ((ErrorRecord) moved).error().inputLine());

        ByteArrayOutputStream piped = new ByteArrayOutputStream();
        ScoringPipeline.builder(TestData.engine()).threads(2).spillDir(tmp).build()
                .run(new StringReader(TestData.text(lines)), piped);
        assertArrayEquals(piped.toByteArray(), bytes(outcomes), "the same records as the streaming pipeline");
    }

    @Test
    void aBatchIsScoredOnTheRulesetActiveWhenItStartsWhileRulesetsAreSwapped() throws Exception {
        ClaimEngine engine = new ClaimEngine(TestData.engine().ruleset());
        Ruleset first = engine.ruleset();
        List<ClaimReader.Read> reads = reads(TestData.lines(12, 3000));
        CompletableFuture<List<Outcome>> batch = CompletableFuture.supplyAsync(() -> new BatchScorer(engine, 2).score(reads));
        int swapsDuringTheBatch = 0;
        while (!batch.isDone()) {
            engine.replaceRuleset(engine.ruleset() == first ? other : first);
            if (!batch.isDone()) {
                swapsDuringTheBatch++;
            }
            Thread.sleep(1);
        }
        List<Outcome> outcomes = batch.get(5, TimeUnit.MINUTES);
        assertTrue(swapsDuringTheBatch > 0, "the ruleset was replaced while the batch ran");
        Set<String> versions = new HashSet<>();
        for (Outcome o : outcomes) {
            if (o instanceof ClaimResult r) {
                versions.add(r.rulesetVersion());
            }
        }
        assertEquals(1, versions.size(), "one ruleset for the whole batch: " + versions);
        assertTrue(versions.contains(first.version()) || versions.contains(other.version()), versions::toString);
    }

    @Test
    void thePipelineScoresEveryClaimAndMemberOnTheRulesetActiveWhenItStarts() throws Exception {
        ClaimEngine engine = new ClaimEngine(TestData.engine().ruleset());
        String before = engine.version();
        AtomicBoolean swapped = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong scoredAfterTheSwap = new java.util.concurrent.atomic.AtomicLong();
        // the swap happens when the first claims have been scored, the rest still to come
        Progress swapAfterTheFirstClaims = new Progress() {
            private String phase = "";

            @Override
            public void phase(String name, long total) {
                phase = name;
            }

            @Override
            public void advance(long n) {
                if (!phase.equals("scoring")) {
                    return;
                }
                if (swapped.compareAndSet(false, true)) {
                    engine.replaceRuleset(other);
                } else {
                    scoredAfterTheSwap.addAndGet(n);
                }
            }

            @Override
            public void close() {
            }
        };
        List<String> lines = TestData.lines(13, 3000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.builder(engine).threads(2).spillDir(tmp).progress(swapAfterTheFirstClaims).build()
                .run(new StringReader(TestData.text(lines)), out);
        assertTrue(swapped.get(), "the ruleset was replaced during the run");
        assertEquals(other.version(), engine.version());

        Set<String> versions = new HashSet<>();
        for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            var node = Json.mapper().readTree(line);
            if (node.has("rulesetVersion")) {
                versions.add(node.get("rulesetVersion").asText());
            }
        }
        assertTrue(scoredAfterTheSwap.get() > 0, "claims were still scored after the swap");
        assertEquals(Set.of(before), versions, "every claim (so every member) of the run on the ruleset it started with");
    }
}
