package org.claimrules.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.RecordReader;
import org.claimrules.report.BatchTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a JSON Lines stream into a JSON Lines stream in bounded memory: one result or error
 * record per input record, in input order, byte for byte the same whatever the number of threads
 * or partitions.
 *
 * <p>A claim's result depends on every earlier-dated claim of its member anywhere in the file, so
 * no result is final before the whole input is read. Records are kept in memory (as text, with
 * their member read by a streaming scan) while they fit the memory budget; past it they are
 * spilled to partition files by a hash of the member, each partition is scored on its own (it
 * holds whole members), its results are written in input order, and the partitions are merged by
 * input index into the output.
 */
public final class ScoringPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);

    /** Where the run ended. */
    public enum Stage { READING, SCORING, WRITING, DONE }

    /** How far a run got. {@code written} records are in the output, each a complete line. */
    public record Outcome(long read, long written, Stage stoppedAt, int partitions, BatchTally tally) {
        public boolean complete() {
            return stoppedAt == Stage.DONE;
        }
    }

    private final ClaimEngine engine;
    private final int threads;
    private final long memoryBudget;
    private final int forcedPartitions;
    private final Path spillDir;
    private final long expectedInputBytes;
    private final int maxRecordChars;
    private final Progress progress;
    private final AtomicBoolean stop;
    private final OutcomeWriter writer;

    private ScoringPipeline(Builder b) {
        this.engine = b.engine;
        this.threads = Math.max(1, b.threads);
        this.memoryBudget = b.memoryBudget > 0 ? b.memoryBudget : defaultBudget();
        this.forcedPartitions = b.partitions;
        this.spillDir = b.spillDir;
        this.expectedInputBytes = b.expectedInputBytes;
        this.maxRecordChars = b.maxRecordChars;
        this.progress = b.progress;
        this.stop = b.stop;
        this.writer = b.writer;
    }

    /** Most memory the default budget takes, whatever the heap (see docs/benchmarks.md). */
    static final long DEFAULT_BUDGET_CAP = 256L << 20;

    /**
     * A quarter of the heap, at most 256 MB, for records held between reading and scoring; results
     * take about half as much again. Holding more costs more in garbage collection than spilling
     * does: 1 M claims scored 21 % faster spilling past 256 MB than held whole in a 5.9 GB heap.
     */
    static long defaultBudget() {
        return Math.min(Runtime.getRuntime().maxMemory() / 4, DEFAULT_BUDGET_CAP);
    }

    public static Builder builder(ClaimEngine engine) {
        return new Builder(engine);
    }

    public Outcome run(Reader input, OutputStream out) throws IOException, InterruptedException {
        return run(RecordInput.jsonLines(input, maxRecordChars), out);
    }

    /** Scores records of any format (see {@link RecordInput}); closes {@code input}. */
    public Outcome run(RecordInput input, OutputStream out) throws IOException, InterruptedException {
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, new Workers());
        BatchTally tally = new BatchTally();
        ChunkScorer scorer = new ChunkScorer(engine, pool, maxRecordChars, input::decode, writer);
        Chunk memory = new Chunk();
        SpillStore spill = null;
        long read = 0;
        try (RecordSource in = new RecordSource(input)) {
            progress.phase("reading", -1);
            if (forcedPartitions > 0) {
                spill = new SpillStore(spillDir, forcedPartitions);
            }
            java.util.List<RecordReader.Record> batch;
            while (!stop.get() && (batch = in.next(stop)) != null) {
                for (RecordReader.Record r : batch) {
                    String key = r.tooLong() ? null : MemberKey.of(r.text());
                    if (spill != null) {
                        spill.add(read, r.inputLine(), r.length(), key, r.text());
                    } else {
                        memory.add(read, r.inputLine(), r.length(), key, r.text());
                        if (memory.footprint() > memoryBudget) {
                            spill = new SpillStore(spillDir, partitionsFor(memory));
                            LOG.info("input exceeds the memory budget of {} MB: spilling to {} partitions in {}",
                                    memoryBudget >> 20, spill.partitions(), spill.dir());
                            spill.add(memory);
                            memory = null;
                        }
                    }
                    read++;
                }
                progress.advance(batch.size());
            }
            if (stop.get()) {
                return new Outcome(read, 0, Stage.READING, spill == null ? 1 : spill.partitions(), tally);
            }
            if (spill == null) {
                return inMemory(memory, read, scorer, tally, out);
            }
            return spilled(spill, read, scorer, tally, out);
        } catch (SpillStore.SpillException e) {
            throw new OutputFailedException("temporary files in " + spillDir + ": ", e.io());
        } finally {
            if (spill != null) {
                spill.close();
            }
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private Outcome inMemory(Chunk chunk, long read, ChunkScorer scorer, BatchTally tally, OutputStream out)
            throws IOException, InterruptedException {
        progress.phase("scoring", read);
        byte[][] results = scorer.score(chunk, tally, progress, stop);
        if (stop.get()) {
            return new Outcome(read, 0, Stage.SCORING, 1, tally);
        }
        progress.phase("writing", read);
        long written = 0;
        for (byte[] line : results) {
            if (stop.get()) {
                break;
            }
            writeLine(out, line);
            written++;
        }
        progress.advance(written);
        flush(out);
        return new Outcome(read, written, written == read ? Stage.DONE : Stage.WRITING, 1, tally);
    }

    private Outcome spilled(SpillStore spill, long read, ChunkScorer scorer, BatchTally tally, OutputStream out)
            throws IOException, InterruptedException {
        spill.finishInput();
        progress.phase("scoring", read);
        for (int p = 0; p < spill.partitions(); p++) {
            if (spill.count(p) == 0) {
                continue;
            }
            Chunk chunk = spill.load(p);
            if (chunk.footprint() > memoryBudget * 2) {
                LOG.warn("partition {} holds {} MB, more than the memory budget: one member or a few dominate",
                        p, chunk.footprint() >> 20);
            }
            byte[][] results = scorer.score(chunk, tally, progress, stop);
            if (stop.get()) {
                return new Outcome(read, 0, Stage.SCORING, spill.partitions(), tally);
            }
            spill.writeResults(p, chunk, results);
        }
        progress.phase("writing", read);
        long written = spill.merge(out, progress, stop);
        flush(out);
        return new Outcome(read, written, written == read ? Stage.DONE : Stage.WRITING, spill.partitions(), tally);
    }

    /** Enough partitions that each fits half the budget, from the input size when it is known. */
    private int partitionsFor(Chunk sample) {
        long estimate = expectedInputBytes > 0 ? expectedInputBytes : sample.footprint() * 16;
        long perPartition = Math.max(1, memoryBudget / 2);
        long p = (estimate + perPartition - 1) / perPartition;
        return (int) Math.max(4, Math.min(1024, p));
    }

    static void writeLine(OutputStream out, byte[] line) throws OutputFailedException {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    private static void flush(OutputStream out) throws OutputFailedException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    private static final class Workers implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "claimrules-score-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    public static final class Builder {
        private final ClaimEngine engine;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long memoryBudget;
        private int partitions;
        private Path spillDir = Path.of(System.getProperty("java.io.tmpdir"));
        private long expectedInputBytes = -1;
        private int maxRecordChars = 1 << 20;
        private Progress progress = Progress.NONE;
        private AtomicBoolean stop = new AtomicBoolean();
        private OutcomeWriter writer = OutcomeWriter.JSON;

        private Builder(ClaimEngine engine) {
            this.engine = engine;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Bytes of records held in memory before spilling; 0 for the default (a quarter of the heap, at most 256 MB). */
        public Builder memoryBudget(long bytes) {
            this.memoryBudget = bytes;
            return this;
        }

        /** Spill into exactly this many partitions from the first record (0: only past the budget). */
        public Builder partitions(int n) {
            this.partitions = n;
            return this;
        }

        public Builder spillDir(Path dir) {
            this.spillDir = dir;
            return this;
        }

        /** The input's size in characters when known, to choose the number of partitions. */
        public Builder expectedInputBytes(long bytes) {
            this.expectedInputBytes = bytes;
            return this;
        }

        public Builder maxRecordChars(int n) {
            this.maxRecordChars = n;
            return this;
        }

        public Builder progress(Progress p) {
            this.progress = p;
            return this;
        }

        /** Raised from outside (a signal): the run stops at the next record boundary. */
        public Builder stop(AtomicBoolean flag) {
            this.stop = flag;
            return this;
        }

        /** How each outcome is written (default: the project's JSON). */
        public Builder writer(OutcomeWriter w) {
            this.writer = w;
            return this;
        }

        public ScoringPipeline build() {
            return new ScoringPipeline(this);
        }
    }
}
