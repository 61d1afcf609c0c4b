package org.claimrules.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one claim costs an embedder: {@link ClaimEngine#score(Claim)} on generated claims (the
 * realistic mix of {@code claimrules generate}, valid claims only), one claim per call.
 * Throughput per thread with 1 and 2 threads, and the latency distribution (p50, p99) from
 * sample mode. Run: {@code java -jar rules-bench/target/claimrules-bench.jar} (docs/benchmarks.md);
 * {@code -p rules=DIR} measures a ruleset folder instead of the bundled ruleset.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ClaimEngineBenchmark {

    /** A ruleset folder (as {@code claimrules rules export} writes one); empty for the bundled ruleset. */
    @Param("")
    public String rules;

    private ClaimEngine engine;
    private Claim[] claims;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        engine = rules.isEmpty() ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(Path.of(rules));
        ClaimGenerator generator = new ClaimGenerator(2026, 20_000, 0);
        List<Claim> valid = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Claim c = generator.claim(i);
            try {
                engine.score(c);
                valid.add(c);
            } catch (InvalidClaimException e) {
                // the benchmark measures scoring, not validation errors
            }
        }
        claims = valid.toArray(Claim[]::new);
    }

    private Claim next(Cursor cursor) {
        Claim c = claims[cursor.next];
        cursor.next = cursor.next + 1 == claims.length ? 0 : cursor.next + 1;
        return c;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public ClaimResult throughputOneThread(Cursor cursor) {
        return engine.score(next(cursor));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public ClaimResult throughputTwoThreads(Cursor cursor) {
        return engine.score(next(cursor));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public ClaimResult latency(Cursor cursor) {
        return engine.score(next(cursor));
    }
}
