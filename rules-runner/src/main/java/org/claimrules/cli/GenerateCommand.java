package org.claimrules.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.io.Json;
import org.claimrules.io.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules generate}: synthetic claims, the same bytes for the same seed and count. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write realistic synthetic claims as JSON Lines (deterministic for a seed), for tests and benchmarks.")
public final class GenerateCommand implements Callable<Integer> {

    private static final int BLOCK = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of claims.")
    long count;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSON Lines (.gz written compressed; - for standard output).")
    Path output;

    @Option(names = "--invalid-per-mille", paramLabel = "N", description = "Deliberately invalid claims per thousand (default: ${DEFAULT-VALUE}).")
    int invalidPerMille = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of cores); the output does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0) {
            err.println("claimrules: --count must not be negative");
            return ExitCodes.USAGE;
        }
        if (!OutputPaths.writingOnly().file("--output", output).ok(err)) {
            return ExitCodes.USAGE;
        }
        boolean toStdout = OutputPaths.STANDARD.equals(output.toString());
        ClaimGenerator generator = new ClaimGenerator(seed, count, invalidPerMille);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (OutputFile file = toStdout ? null : OutputFile.create(output)) {
            if (toStdout) {
                writeToStandardOutput(generator, pool);
            } else {
                write(generator, pool, file.stream());
                file.commit();
            }
        } catch (IOException e) {
            err.println("claimrules: writing " + (toStdout ? "standard output" : output) + " failed: " + e.getMessage()
                    + (toStdout ? "" : "; nothing was written"));
            return ExitCodes.OUTPUT_FAILED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating claims failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        err.println("claimrules: generated " + count + " claims (seed " + seed + ") "
                + (toStdout ? "on standard output" : "in " + output));
        return ExitCodes.OK;
    }

    /** Standard output is never gzipped; a PrintStream keeps its errors to itself until asked. */
    private void writeToStandardOutput(ClaimGenerator generator, ExecutorService pool)
            throws IOException, InterruptedException, ExecutionException {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        write(generator, pool, out);
        out.flush();
        if (System.out.checkError()) {
            throw new IOException("the stream was closed or could not be written");
        }
    }

    /** Blocks are generated ahead on all threads and written in order. */
    private void write(ClaimGenerator generator, ExecutorService pool, OutputStream out)
            throws IOException, InterruptedException, ExecutionException {
        List<Future<byte[]>> window = new ArrayList<>();
        long next = 0;
        while (next < count || !window.isEmpty()) {
            while (next < count && window.size() < 4 * Math.max(1, threads)) {
                long from = next;
                long to = Math.min(count, from + BLOCK);
                window.add(pool.submit(() -> block(generator, from, to)));
                next = to;
            }
            out.write(window.remove(0).get());
        }
    }

    private static byte[] block(ClaimGenerator generator, long from, long to) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream((int) (to - from) * 1200);
        for (long i = from; i < to; i++) {
            buffer.write(Json.mapper().writeValueAsBytes(generator.claim(i)));
            buffer.write('\n');
        }
        return buffer.toByteArray();
    }
}
