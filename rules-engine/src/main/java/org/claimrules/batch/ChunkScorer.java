package org.claimrules.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.report.BatchTally;

/**
 * Scores a chunk that holds every record of its members: records are grouped by member key,
 * and each task parses, scores and serialises a run of whole members, so parsing and writing JSON
 * run on all threads as well as the rules. The results are bytes in the chunk's order, whatever
 * the number of threads.
 */
final class ChunkScorer {

    /** Claims per task: large enough to keep the queue cheap, small enough to balance two cores. */
    private static final int TASK_CLAIMS = 256;

    private final ClaimEngine engine;
    private final ExecutorService pool;
    private final int maxRecordChars;
    private final MemberHistory history;
    private final Chunk.Decoder decoder;
    private final OutcomeWriter writer;

    /**
     * {@code engine} null: no rules, each claim is written back as read (the I/O baseline);
     * {@code pool} runs the tasks. {@code history} null: no history from outside the batch.
     * {@code decoder} reads a record's text; {@code writer} writes each outcome.
     */
    ChunkScorer(ClaimEngine engine, ExecutorService pool, int maxRecordChars, MemberHistory history,
            Chunk.Decoder decoder, OutcomeWriter writer) {
        this.engine = engine;
        this.pool = pool;
        this.maxRecordChars = maxRecordChars;
        this.history = history;
        this.decoder = decoder;
        this.writer = writer;
    }

    /**
     * Scores the chunk on the pool and hands each serialised outcome (without its newline) to
     * {@code sink} in chunk order, on the calling thread, as soon as it and all before it are ready.
     * Returns how many were handed over: the chunk's size, or fewer once {@code stop} is raised.
     *
     * @throws ScoringFailedException when a task fails in any way (see {@link OrderedDrain})
     */
    int score(Chunk chunk, BatchTally tally, Progress progress, AtomicBoolean stop, OrderedDrain.Sink sink)
            throws java.io.IOException, InterruptedException {
        int[] order = groupByMember(chunk);
        byte[][] out = new byte[chunk.size][];
        OrderedDrain drain = new OrderedDrain(chunk.size);
        int from = 0;
        while (from < order.length) {
            int to = Math.min(order.length, from + TASK_CLAIMS);
            while (to < order.length && sameMember(chunk, order[to - 1], order[to])) {
                to++;
            }
            int[] slice = Arrays.copyOfRange(order, from, to);
            pool.execute(() -> {
                Throwable failed = null;
                try {
                    scoreTask(chunk, slice, out, tally, progress, stop);
                } catch (Throwable t) {
                    failed = t;
                }
                drain.finished(slice, out, failed);
            });
            from = to;
        }
        return drain.drain(out, sink, stop);
    }

    private void scoreTask(Chunk chunk, int[] slice, byte[][] out, BatchTally tally, Progress progress,
            AtomicBoolean stop) {
        if (stop.get()) {
            return;
        }
        BatchTally local = new BatchTally();
        int start = 0;
        while (start < slice.length) {
            int end = start + 1;
            while (end < slice.length && sameMember(chunk, slice[start], slice[end])) {
                end++;
            }
            scoreMember(chunk, Arrays.copyOfRange(slice, start, end), out, local);
            start = end;
        }
        tally.merge(local);
        progress.advance(slice.length);
    }

    private void scoreMember(Chunk chunk, int[] positions, byte[][] out, BatchTally tally) {
        List<ClaimReader.Read> claims = new ArrayList<>(positions.length);
        List<Integer> claimPositions = new ArrayList<>(positions.length);
        for (int pos : positions) {
            ClaimReader.Read read = read(chunk, pos);
            if (read.ok()) {
                claims.add(read);
                claimPositions.add(pos);
            } else {
                tally.add(read.error());
                out[pos] = writer.line(read.error(), chunk.text[pos]);
            }
        }
        if (claims.isEmpty()) {
            return;
        }
        if (engine == null) {
            for (int k = 0; k < claims.size(); k++) {
                out[claimPositions.get(k)] = bytes(claims.get(k).claim());
            }
            return;
        }
        Outcome[] outcomes = BatchScorer.scoreMember(engine, claims, history);
        for (int k = 0; k < outcomes.length; k++) {
            if (outcomes[k] instanceof ClaimResult r) {
                tally.add(claims.get(k).claim(), r);
            } else {
                tally.add((ErrorRecord) outcomes[k]);
            }
            out[claimPositions.get(k)] = writer.line(outcomes[k], chunk.text[claimPositions.get(k)]);
        }
    }

    private ClaimReader.Read read(Chunk chunk, int pos) {
        return chunk.read(pos, maxRecordChars, decoder);
    }

    static byte[] bytes(Object outcome) {
        try {
            return Json.mapper().writeValueAsBytes(outcome);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an outcome could not be written as JSON", e);
        }
    }

    private static boolean sameMember(Chunk chunk, int a, int b) {
        String ka = chunk.key[a];
        return ka != null && ka.equals(chunk.key[b]);
    }

    /**
     * Positions of the chunk ordered so that each member's records are adjacent, members in order
     * of first appearance and records in input order; a record without a member key stands alone.
     */
    static int[] groupByMember(Chunk chunk) {
        int n = chunk.size;
        int[] group = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        int groups = 0;
        for (int i = 0; i < n; i++) {
            String k = chunk.key[i];
            if (k == null) {
                group[i] = groups++;
            } else {
                Integer id = ids.putIfAbsent(k, groups);
                group[i] = id == null ? groups++ : id;
            }
        }
        int[] start = new int[groups + 1];
        for (int g : group) {
            start[g + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start[group[i]]++] = i;
        }
        return order;
    }
}
