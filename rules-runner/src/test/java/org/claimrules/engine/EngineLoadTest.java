package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimrules.model.Claim;
import org.claimrules.testing.ClaimGenerator;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;

/**
 * The library under many threads: every claim gets the outcome it gets on one thread, and the
 * heap left after a full collection does not grow as claims go by. The size is a system property
 * so that CI stays quick and the million-claim run is one command (docs/robustness.md):
 * {@code -Dclaimrules.load.claims=1000000 -Dclaimrules.load.threads=16}.
 */
class EngineLoadTest {

    private static final int CLAIMS = Integer.getInteger("claimrules.load.claims", 20_000);
    private static final int THREADS = Integer.getInteger("claimrules.load.threads", 16);
    private static final int ROUNDS = 10;
    private static final long MB = 1 << 20;
    /** Heap noise after a full GC is well under this; a leak of one small object per claim is not, at 20,000 claims. */
    private static final long TOLERANCE = 16 * MB;

    @Test
    void manyThreadsGiveTheResultsOfOneWithoutGrowingTheHeap() throws Exception {
        ClaimEngine engine = TestClaims.engine();
        long start = System.nanoTime();
        int[] expected = new int[CLAIMS];
        for (int i = 0; i < CLAIMS; i++) {
            expected[i] = outcome(engine, i);
        }
        long single = System.nanoTime() - start;

        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger firstMismatch = new AtomicInteger(-1);
        long[] heapAfterGc = new long[ROUNDS];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        start = System.nanoTime();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                AtomicInteger next = new AtomicInteger(round * CLAIMS / ROUNDS);
                int end = (round + 1) * CLAIMS / ROUNDS;
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                            if (outcome(engine, i) != expected[i]) {
                                mismatches.incrementAndGet();
                                firstMismatch.compareAndSet(-1, i);
                            }
                        }
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
                heapAfterGc[round] = usedHeapAfterGc();
            }
        } finally {
            pool.shutdownNow();
        }
        long multi = System.nanoTime() - start;

        long[] mb = Arrays.stream(heapAfterGc).map(b -> b / MB).toArray();
        System.out.printf("load: %,d claims; 1 thread %.1f s (%.0f claims/s); %d threads %.1f s (%.0f claims/s); "
                        + "heap after GC per tenth (MB): %s%n", CLAIMS, single / 1e9, CLAIMS / (single / 1e9), THREADS,
                multi / 1e9, CLAIMS / (multi / 1e9), Arrays.toString(mb));
        assertEquals(0, mismatches.get(), "claims whose outcome differs under " + THREADS + " threads; first: "
                + firstMismatch.get());
        // The first tenth warms caches up; compare the steady start with the end, by medians of three.
        long early = median(heapAfterGc[1], heapAfterGc[2], heapAfterGc[3]);
        long late = median(heapAfterGc[ROUNDS - 3], heapAfterGc[ROUNDS - 2], heapAfterGc[ROUNDS - 1]);
        assertTrue(late - early < TOLERANCE, "heap after GC grew from " + early / MB + " MB to " + late / MB + " MB");
    }

    /** A claim that is generated again from its index, scored, and reduced to a hash of its outcome. */
    private static int outcome(ClaimEngine engine, int index) {
        Claim claim = ClaimGenerator.claim(new Random(index), "L-" + index, "M-" + (index % 5_000));
        try {
            return engine.score(claim).hashCode();
        } catch (InvalidClaimException e) {
            return (e.code() + " " + e.field()).hashCode();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
