package org.claimrules.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
 * their member and claim ID read by a streaming scan) while they fit the memory budget; past it
 * they are spilled to partition files by a hash of the member, each partition is scored on its
 * own (it holds whole members), its results are written in input order, and the partitions are
 * merged by input index into the output. Held in memory, results are written in input order as
 * they are scored (see {@link OrderedDrain}), so a stop keeps every result finished in order.
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
    private final MemberHistory history;
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
        this.history = b.history;
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

    /**
     * Scores {@code input} into {@code out}. Results are written in input order as soon as they and
     * every result before them are ready; a stop ends the run at a record boundary within a moment,
     * with every result already finished in order written.
     *
     * @throws ScoringFailedException when a worker or the reader fails (an Error included); it carries how far the run got
     * @throws OutputFailedException when {@code out} or the spill files cannot be written
     */
    public Outcome run(Reader input, OutputStream out) throws IOException, InterruptedException {
        return run(RecordInput.jsonLines(input, maxRecordChars), out);
    }

    /**
     * Scores the records of any claim format (see {@link RecordInput}), written by the builder's
     * {@link OutcomeWriter}; closes {@code input}. Same guarantees as {@link #run(Reader, OutputStream)}.
     */
    public Outcome run(RecordInput input, OutputStream out) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
        BatchTally tally = new BatchTally();
        ChunkScorer scorer = new ChunkScorer(engine == null ? null : engine.pinned(), pool, maxRecordChars, history,
                input::decode, writer);
        Chunk memory = new Chunk();
        ClaimIds claimIds = new ClaimIds();
        SpillStore spill = null;
        long read = 0;
        Written written = new Written();
        removeStaleSpillFolders();
        try (RecordSource in = new RecordSource(input)) {
            progress.phase("reading", -1);
            if (forcedPartitions > 0) {
                spill = new SpillStore(spillDir, forcedPartitions);
            }
            // The member scan of each batch runs on the workers (idle until the input is read);
            // the batches are taken back in input order, so claim IDs are checked in input order.
            ArrayDeque<Scan> scans = new ArrayDeque<>();
            int window = 2 * threads + 2;
            List<RecordReader.Record> batch;
            boolean more = true;
            while (!stop.get() && (more || !scans.isEmpty())) {
                if (more && scans.size() < window && (scans.isEmpty() || !scans.peek().future.isDone())) {
                    // While a scan is pending, wait for input only briefly: input that pauses (a
                    // pipe) must not hold back the records already read.
                    batch = scans.isEmpty() ? in.next(stop) : in.poll(10);
                    if (batch == null) {
                        more = false;
                    } else if (batch != RecordSource.NOTHING_YET) {
                        scans.add(Scan.start(batch, pool));
                    }
                    continue;
                }
                Scan scan = scans.poll();
                MemberKey.Keys[] keys = scan.keys();
                for (int i = 0; i < keys.length; i++) {
                    RecordReader.Record r = scan.batch.get(i);
                    Entry e = entry(r, keys[i], claimIds);
                    if (spill != null) {
                        spill.add(read, r.inputLine(), r.length(), e.key, e.kind, e.text);
                    } else {
                        memory.add(read, r.inputLine(), r.length(), e.key, e.kind, e.text);
                        if (memory.footprint() + claimIds.footprint() > memoryBudget) {
                            spill = new SpillStore(spillDir, partitionsFor(memory));
                            LOG.info("input exceeds the memory budget of {} MB: spilling to {} partitions in {}",
                                    memoryBudget >> 20, spill.partitions(), spill.dir());
                            spill.add(memory);
                            memory = null;
                        }
                    }
                    read++;
                }
                progress.advance(keys.length);
            }
            if (stop.get()) {
                return new Outcome(read, 0, Stage.READING, spill == null ? 1 : spill.partitions(), tally.copy());
            }
            if (spill == null) {
                return inMemory(memory, read, scorer, tally, out, written);
            }
            return spilled(spill, read, scorer, tally, out, written);
        } catch (SpillStore.SpillException e) {
            throw new OutputFailedException("temporary files in " + spillDir + ": ", e.io());
        } catch (ScoringFailedException e) {
            flushQuietly(out);
            throw e.with(new Outcome(read, written.count, Stage.SCORING, spill == null ? 1 : spill.partitions(),
                    tally.copy()));
        } finally {
            pool.shutdownNow();
            if (spill != null) {
                spill.close();
            }
        }
    }

    /** Records written to the output so far, for a run that fails part-way. */
    private static final class Written {
        long count;
    }

    /** How a record is held until it is scored. */
    private record Entry(String key, byte kind, String text) {
    }

    /**
     * A record is grouped by its member; the second record with a claim ID already seen is an
     * error record (DUPLICATE_CLAIM) decided here, in input order, so that which one is the
     * duplicate does not depend on threads or partitions.
     */
    private static Entry entry(RecordReader.Record r, MemberKey.Keys keys, ClaimIds claimIds) {
        if (r.invalidUtf8()) {
            return new Entry(null, Chunk.INVALID_UTF8, null);
        }
        if (r.tooLong()) {
            return new Entry(null, Chunk.TOO_LONG, null);
        }
        String identity = r.claimKey() != null ? r.claimKey() : keys.claimId();
        if (identity != null && !claimIds.add(identity)) {
            // the whole text is kept: a writer may carry part of it (an X12 claim's source) into the error record
            return new Entry(null, Chunk.DUPLICATE, r.text());
        }
        return new Entry(keys.member(), Chunk.TEXT, r.text());
    }

    /** The member scan of one batch of records, running on a worker. */
    private record Scan(List<RecordReader.Record> batch, Future<MemberKey.Keys[]> future) {
        static Scan start(List<RecordReader.Record> batch, ExecutorService pool) {
            return new Scan(batch, pool.submit(() -> {
                MemberKey.Keys[] keys = new MemberKey.Keys[batch.size()];
                for (int i = 0; i < keys.length; i++) {
                    String text = batch.get(i).text();
                    keys[i] = text == null ? MemberKey.Keys.NONE : MemberKey.scan(text);
                }
                return keys;
            }));
        }

        MemberKey.Keys[] keys() throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw new ScoringFailedException("reading the input failed", e.getCause());
            }
        }
    }

    private void removeStaleSpillFolders() {
        SpillFolders.Cleanup c = SpillFolders.removeStale(spillDir);
        for (Path dir : c.removed()) {
            LOG.info("removed the spill folder {} of an earlier run that did not end", dir);
        }
        for (String dir : c.left()) {
            LOG.warn("spill folder left in place: {}", dir);
        }
    }

    private Outcome inMemory(Chunk chunk, long read, ChunkScorer scorer, BatchTally tally, OutputStream out,
            Written written) throws IOException, InterruptedException {
        progress.phase("scoring", read);
        scorer.score(chunk, tally, progress, stop, (position, bytes) -> {
            writeLine(out, bytes);
            written.count++;
        });
        flush(out);
        return new Outcome(read, written.count, written.count == read ? Stage.DONE : Stage.SCORING, 1, tally.copy());
    }

    private Outcome spilled(SpillStore spill, long read, ChunkScorer scorer, BatchTally tally, OutputStream out,
            Written written) throws IOException, InterruptedException {
        spill.finishInput();
        progress.phase("scoring", read);
        for (int p = 0; p < spill.partitions() && !stop.get(); p++) {
            if (spill.count(p) == 0) {
                continue;
            }
            Chunk chunk = spill.load(p);
            if (chunk.footprint() > memoryBudget * 2) {
                LOG.warn("partition {} holds {} MB, more than the memory budget: one member or a few dominate",
                        p, chunk.footprint() >> 20);
            }
            try (SpillStore.Results results = spill.new Results(p, chunk)) {
                scorer.score(chunk, tally, progress, stop, results);
            }
        }
        boolean stoppedScoring = stop.get();
        if (!stoppedScoring) {
            progress.phase("writing", read);
        }
        // After a stop while scoring, the merge writes the results that are complete in input order.
        AtomicBoolean mergeStop = stoppedScoring ? new AtomicBoolean() : stop;
        written.count = spill.merge(out, progress, mergeStop);
        flush(out);
        Stage stage = written.count == read ? Stage.DONE : stoppedScoring ? Stage.SCORING : Stage.WRITING;
        return new Outcome(read, written.count, stage, spill.partitions(), tally.copy());
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

    /** Before a failure is reported: what was written so far reaches the output, if it can. */
    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // the run is failing already; the failure reported is the first one
        }
    }

    private static void flush(OutputStream out) throws OutputFailedException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    private static final class Workers implements ThreadFactory {
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
        private MemberHistory history;
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

        /** HOOK (claims history store, issue 11): each member's history from outside the batch, and where scored claims go. */
        public Builder memberHistory(MemberHistory h) {
            this.history = h;
            return this;
        }

        /** How each outcome is written (default: the project's JSON result or error record). */
        public Builder writer(OutcomeWriter w) {
            this.writer = w;
            return this;
        }

        public ScoringPipeline build() {
            return new ScoringPipeline(this);
        }
    }
}
