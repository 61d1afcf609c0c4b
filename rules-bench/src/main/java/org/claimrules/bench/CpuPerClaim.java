package org.claimrules.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.model.Claim;

/**
 * The CPU time and the bytes allocated per {@link ClaimEngine#score} call on one thread, per claim:
 * p50, p99 and the mean, from the thread's own CPU clock, so that other load on the machine
 * (which inflates wall-clock figures) changes them little. Run:
 * {@code java -cp rules-bench/target/claimrules-bench.jar org.claimrules.bench.CpuPerClaim [claims] [rounds]},
 * with {@code -Drules=DIR} to measure a ruleset folder instead of the bundled ruleset.
 */
public final class CpuPerClaim {

    private CpuPerClaim() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String folder = System.getProperty("rules");
        ClaimEngine engine = folder == null ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(java.nio.file.Path.of(folder));
        ClaimGenerator generator = new ClaimGenerator(2026, count, 0);
        List<Claim> valid = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Claim c = generator.claim(i);
            try {
                engine.score(c);
                valid.add(c);
            } catch (InvalidClaimException e) {
                // scoring is measured, not validation errors
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] cpu = new long[valid.size()];
        for (int round = 0; round < rounds; round++) {
            long allocated = mx.getThreadAllocatedBytes(tid);
            long total = 0;
            for (int i = 0; i < cpu.length; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                engine.score(valid.get(i));
                cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                total += cpu[i];
            }
            allocated = mx.getThreadAllocatedBytes(tid) - allocated;
            long[] sorted = cpu.clone();
            Arrays.sort(sorted);
            System.out.printf("round %d: %d claims, CPU per claim p50 %.1f us, p99 %.1f us, mean %.1f us; %.0f bytes allocated per claim%n",
                    round + 1, cpu.length, sorted[cpu.length / 2] / 1e3, sorted[(int) (cpu.length * 0.99)] / 1e3,
                    total / 1e3 / cpu.length, (double) allocated / cpu.length);
        }
    }
}
