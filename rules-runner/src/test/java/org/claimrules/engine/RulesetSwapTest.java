package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing the ruleset of a running engine (ClaimEngine.replaceRuleset). */
class RulesetSwapTest {

    @TempDir
    Path tmp;

    @Test
    void aClaimInFlightFinishesOnTheOldRulesetAndLaterClaimsUseTheNewOne() throws Exception {
        ClaimEngine engine = ClaimEngine.bundled();
        Ruleset old = engine.ruleset();
        Claim claim = threeLevelMedicareClaim();
        Path changed = exportWithThreeLevelsCovered();

        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        engine.setClaimBudget(java.time.Duration.ofMinutes(5)); // the claim is held while the new ruleset compiles
        RuleListener holdAfterFirstFiring = new RuleListener() {
            @Override
            public void fired(String rule, List<Object> matched, List<Object> inserted) {
                if (held.compareAndSet(false, true)) {
                    inFlight.countDown();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Evaluation> during = pool.submit(() -> engine.evaluate(claim, List.of(), holdAfterFirstFiring));
            assertTrue(inFlight.await(2, TimeUnit.MINUTES), "the claim started");

            Ruleset next = engine.replaceRuleset(changed);
            ClaimResult after = engine.score(claim);
            release.countDown();
            ClaimResult inFlightResult = during.get(2, TimeUnit.MINUTES).result();

            assertEquals(old.version(), inFlightResult.rulesetVersion());
            assertTrue(editIds(inFlightResult).contains("FJ-UNIT-003"), inFlightResult::toString);
            assertEquals(next.version(), after.rulesetVersion());
            assertNotEquals(old.version(), next.version());
            assertTrue(!editIds(after).contains("FJ-UNIT-003"), after::toString);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRulesetThatFailsValidationNeverReplacesTheWorkingOne() throws Exception {
        ClaimEngine engine = ClaimEngine.bundled();
        Ruleset working = engine.ruleset();
        Path broken = tmp.resolve("broken");
        RulesetExporter.export(RulesetLoader.bundledRoot(), broken);
        Path drl = broken.resolve("rules/facet/broken.drl");
        Files.writeString(drl, "package rules.facet;\nrule \"XT-X-001 broken\"\nwhen\n  Claim( \nthen\nend\n");

        RulesetException e = assertThrows(RulesetException.class, () -> engine.replaceRuleset(broken));
        assertTrue(e.problems().stream().anyMatch(p -> "rules/facet/broken.drl".equals(p.file())), e::getMessage);
        assertSame(working, engine.ruleset());
        assertTrue(editIds(engine.score(threeLevelMedicareClaim())).contains("FJ-UNIT-003"));
    }

    private Path exportWithThreeLevelsCovered() throws IOException {
        Path dir = tmp.resolve("changed");
        RulesetExporter.export(RulesetLoader.bundledRoot(), dir);
        Path profiles = dir.resolve("tables/facet/profile-parameters.csv");
        List<String> lines = Files.readAllLines(profiles);
        String header = lines.stream().filter(l -> l.startsWith("profile,")).findFirst().orElseThrow();
        int column = List.of(header.split(",", -1)).indexOf("maxLevelsPerSession");
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells[0].equals("MEDICARE")) {
                cells[column] = "3";
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(profiles, lines);
        return dir;
    }

    static Claim threeLevelMedicareClaim() throws IOException {
        try (InputStream in = RulesetSwapTest.class.getResourceAsStream("/analyst/claims.jsonl")) {
            String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            ClaimReader.Read read = ClaimReader.read(first, 1);
            assertTrue(read.ok());
            return read.claim();
        }
    }

    private static List<String> editIds(ClaimResult r) {
        return r.edits().stream().map(e -> e.editId()).toList();
    }
}
