package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EngineErrorException;
import org.claimrules.engine.Ruleset;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ruleset folder's claims are scored in child processes: a consequence that loops in plain Java
 * for ever (which no halt or interrupt stops) costs its claim only, as an engine error, and the run
 * goes on with a new child; the results are those of scoring in process.
 */
// without isolation the looping claim hangs its thread: fail here (the test on a thread of its own) instead of hanging the build
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IsolationTest {

    @TempDir
    static Path tmp;
    static Path hostile;
    /** The folder's ruleset, compiled once: each test's engine scores on it. */
    static Ruleset loaded;

    @BeforeAll
    static void exportWithALoop() throws Exception {
        hostile = Cli.exportWithHostileRules(tmp, "never-returns", "hostile", "never-returns.drl");
        loaded = RulesetLoader.fromDirectory(hostile);
    }

    private static ClaimEngine isolated() {
        ClaimEngine engine = new ClaimEngine(loaded);
        engine.setIsolated(true);
        return engine;
    }

    private static String claimLine(String claimId) {
        return TestClaims.valid(claimId, "M-" + claimId).toString();
    }

    @Test
    void aRuleThatNeverReturnsCostsItsClaimOnlyAndTheRunGoesOn() throws Exception {
        Path in = tmp.resolve("three.jsonl");
        Files.writeString(in, claimLine("HANG-1") + "\n" + claimLine("HANG-2") + "\n" + claimLine("HANG-3") + "\n");
        Path out = tmp.resolve("three-results.jsonl");
        Cli.Run run = Cli.run("score", "--rules", hostile.toString(), "--claim-budget", "300", "--no-progress",
                "--input", in.toString(), "--output", out.toString());
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        JsonNode hung = Json.mapper().readTree(lines.get(1));
        assertEquals("HANG-2", hung.path("claimId").asText());
        assertEquals("ENGINE_ERROR", hung.path("error").path("code").asText(), hung::toString);
        assertTrue(hung.path("error").path("message").asText().contains("did not return within the claim budget of 300 ms"),
                hung::toString);
        assertEquals(2, hung.path("error").path("inputLine").asInt());
        // the claims around it get the results the bundled rules give them (the loop is theirs only)
        ClaimEngine bundled = ClaimEngine.bundled();
        for (int k : new int[] {0, 2}) {
            ObjectNode got = (ObjectNode) Json.mapper().readTree(lines.get(k));
            ObjectNode expected = (ObjectNode) Json.mapper().valueToTree(bundled.score(read(claimLine("HANG-" + (k + 1)))));
            got.remove("rulesetVersion");
            expected.remove("rulesetVersion");
            assertEquals(expected, got);
        }
    }

    @Test
    void isolatedResultsAreTheInProcessResultsOnAGeneratedBatch() throws Exception {
        ClaimEngine inProcess = new ClaimEngine(loaded);
        ClaimEngine isolated = isolated();
        ClaimGenerator generator = new ClaimGenerator(3, 20_000, 0); // the first 1,500 of them
        List<ClaimReader.Read> records = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            records.add(ClaimReader.read(Json.mapper().writeValueAsString(generator.claim(i)), i + 1));
        }
        List<Outcome> expected = new BatchScorer(inProcess, 1).score(records);
        List<Outcome> got = new BatchScorer(isolated, 2).score(records); // two threads: two children
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), got.get(i), "record " + (i + 1));
        }
        assertTrue(expected.stream().anyMatch(o -> o instanceof org.claimrules.model.result.ClaimResult r
                && !r.edits().isEmpty()), "the batch exercises edits");
        // amounts keep their scale across the process boundary (51.10 is not 51.1)
        String written = Json.mapper().writeValueAsString(expected);
        assertTrue(java.util.regex.Pattern.compile("\\.\\d*0[,}\\]]").matcher(written).find(),
                "the batch has an amount with a trailing zero");
    }

    @Test
    void aChildThatDiesWhileScoringIsAnEngineErrorAndTheNextClaimGetsANewChild() throws Exception {
        ClaimEngine engine = isolated();
        engine.setClaimBudget(Duration.ofMinutes(5)); // only the kill below ends the looping claim
        Claim looping = read(claimLine("HANG-2"));
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                engine.score(looping);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        ProcessHandle child = spinningChild();
        child.destroyForcibly();
        Throwable e = failure.get(60, TimeUnit.SECONDS);
        assertTrue(e instanceof EngineErrorException, () -> String.valueOf(e));
        assertTrue(e.getMessage().contains("HANG-2") && e.getMessage().contains("ended"), e::getMessage);
        Claim next = read(claimLine("HANG-1"));
        assertEquals(new ClaimEngine(loaded).score(next), engine.score(next));
    }

    private static java.util.Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The child that has spent three seconds in a row computing (loading the ruleset takes less;
     * idle children compute nothing): the looping claim's.
     */
    private static ProcessHandle spinningChild() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        java.util.Map<Long, Long> lastCpu = new java.util.HashMap<>();
        java.util.Map<Long, Integer> busySeconds = new java.util.HashMap<>();
        while (System.nanoTime() < deadline) {
            for (ProcessHandle c : ProcessHandle.current().children().toList()) {
                long cpu = c.info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
                Long last = lastCpu.put(c.pid(), cpu);
                int busy = last != null && cpu - last > 800 ? busySeconds.merge(c.pid(), 1, Integer::sum) : 0;
                busySeconds.put(c.pid(), busy);
                if (busy >= 3) {
                    return c;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no child process started scoring the looping claim");
    }

    private static Claim read(String json) {
        ClaimReader.Read r = ClaimReader.read(json, 1);
        assertTrue(r.ok(), () -> String.valueOf(r.error()));
        return r.claim();
    }

    @Test
    void theBundledRulesetIsScoredInProcess() throws Exception {
        ClaimEngine bundled = ClaimEngine.bundled();
        bundled.setIsolated(true);
        java.util.Set<Long> before = childPids();
        bundled.score(read(claimLine("HANG-2")));
        assertEquals(before, childPids(), "the bundled ruleset starts no child");
    }
}
