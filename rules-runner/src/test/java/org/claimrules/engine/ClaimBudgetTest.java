package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The claim budget is CPU time of the scoring thread, with a wall-clock backstop of six budgets:
 * a claim that computes past the budget is stopped, a claim whose thread waits for ever is stopped
 * by the backstop, and a claim that waits longer than the budget without computing is not stopped
 * (a loaded machine slows a claim's wall time, not its CPU time). The listener stands for a rule
 * consequence: it runs on the scoring thread, inside the firing.
 */
@Timeout(120) // a watchdog that no longer stops a claim fails here instead of hanging the build
class ClaimBudgetTest {

    private static Claim claim() {
        ClaimReader.Read read = ClaimReader.read(TestClaims.valid("BUDGET-1", "M-BUDGET").toString(), 1);
        assertTrue(read.ok(), () -> String.valueOf(read.error()));
        return read.claim();
    }

    private static ClaimEngine engine(Duration budget) {
        ClaimEngine engine = TestClaims.engine().pinned();
        engine.setClaimBudget(budget);
        return engine;
    }

    /** Does {@code once} on the first firing only. */
    private static RuleListener onFirstFiring(Runnable once) {
        AtomicBoolean done = new AtomicBoolean();
        return (rule, matched, inserted) -> {
            if (done.compareAndSet(false, true)) {
                once.run();
            }
        };
    }

    @Test
    void aClaimThatComputesPastItsBudgetIsStopped() {
        RuleListener spin = onFirstFiring(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        });
        assertThrows(EngineErrorException.class, () -> engine(Duration.ofMillis(300)).evaluate(claim(), List.of(), spin));
    }

    @Test
    void aClaimWhoseThreadWaitsForEverIsStoppedByTheWallClock() {
        RuleListener hang = onFirstFiring(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        // no CPU is used: only the backstop of six budgets of wall time stops it
        assertThrows(EngineErrorException.class, () -> engine(Duration.ofMillis(200)).evaluate(claim(), List.of(), hang));
    }

    @Test
    void aClaimThatWaitsLongerThanItsBudgetWithoutComputingGetsItsResult() {
        ClaimResult unhindered = TestClaims.engine().score(claim()); // also warms the rules up
        Duration budget = Duration.ofSeconds(1);
        RuleListener pause = onFirstFiring(() -> {
            try {
                Thread.sleep(2 * budget.toMillis()); // past the budget of wall time, far from six budgets
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Evaluation evaluation = engine(budget).evaluate(claim(), List.of(), pause);
        assertEquals(unhindered, evaluation.result());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
