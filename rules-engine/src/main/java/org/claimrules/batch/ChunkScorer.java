package org.claimrules.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
    private final Decoder decoder;
    private final OutcomeWriter writer;

    /** Reads a record's text into a claim or an error record ({@link RecordInput#decode}). */
    interface Decoder {
        ClaimReader.Read read(String text, long position);
    }

    /** {@code engine} null: no rules, each claim is written back as read (the I/O baseline). */
    ChunkScorer(ClaimEngine engine, ExecutorService pool, int maxRecordChars, Decoder decoder, OutcomeWriter writer) {
        this.engine = engine;
        this.pool = pool;
        this.maxRecordChars = maxRecordChars;
        this.decoder = decoder;
        this.writer = writer;
    }

    /**
     * Returns one serialised outcome (without its newline) per record, or null where {@code stop}
     * was raised before the record was scored.
     */
    byte[][] score(Chunk chunk, BatchTally tally, Progress progress, AtomicBoolean stop) throws InterruptedException {
        int[] order = groupByMember(chunk);
        byte[][] out = new byte[chunk.size][];
        List<Future<?>> futures = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            int to = Math.min(order.length, from + TASK_CLAIMS);
            while (to < order.length && sameMember(chunk, order[to - 1], order[to])) {
                to++;
            }
            int[] slice = Arrays.copyOfRange(order, from, to);
            if (pool == null) {
                scoreTask(chunk, slice, out, tally, progress, stop);
            } else {
                futures.add(pool.submit(() -> scoreTask(chunk, slice, out, tally, progress, stop)));
            }
            from = to;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("scoring failed", e.getCause());
            }
        }
        return out;
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
        Outcome[] outcomes = BatchScorer.scoreMember(engine, claims);
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
        long line = chunk.inputLine[pos];
        if (chunk.text[pos] == null) {
            return ClaimReader.tooLong(line, chunk.length[pos], maxRecordChars);
        }
        return decoder.read(chunk.text[pos], line);
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
