package org.claimrules.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import scala.Tuple2;

/**
 * Scores one partition (whole members, sorted by member then input line) in blocks of whole
 * members: each block is read, given the store's history of its members when there is a store,
 * scored with {@link BatchScorer} (which applies each member's in-batch history) and written as
 * the JSON line {@code claimrules score} writes. Only one block is held at a time.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<Tuple2<RecordKey, RawRecord>>, Row> {

    /** Records per block, rounded up to a member boundary; also the batch of one history look-up. */
    static final int BLOCK = 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final RulesetRef ruleset;
    private final String pinnedVersion;
    private final String history;
    private final JobTally tally;

    /** @param history the {@code --history} location, or null */
    PartitionScorer(RulesetRef ruleset, String pinnedVersion, String history, JobTally tally) {
        this.ruleset = ruleset;
        this.pinnedVersion = pinnedVersion;
        this.history = history;
        this.tally = tally;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<RecordKey, RawRecord>> input) {
        ClaimEngine engine = EngineHolder.engine(ruleset, pinnedVersion);
        HistoryStore store = history == null ? null : HistoryStores.open(history);
        if (store != null) {
            TaskContext.get().addTaskCompletionListener(new TaskCompletionListener() {
                @Override
                public void onTaskCompletion(TaskContext context) {
                    store.close();
                }
            });
        }
        return new Blocks(input, engine, store);
    }

    private final class Blocks implements Iterator<Row> {
        private final Iterator<Tuple2<RecordKey, RawRecord>> input;
        private final ClaimEngine engine;
        private final HistoryStore store;
        private Tuple2<RecordKey, RawRecord> pending;
        private Iterator<Row> current = Collections.emptyIterator();
        private long records;
        private long scoringNanos;
        private long scoringCpuNanos;
        private boolean finished;

        Blocks(Iterator<Tuple2<RecordKey, RawRecord>> input, ClaimEngine engine, HistoryStore store) {
            this.input = input;
            this.engine = engine;
            this.store = store;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (pending == null && !input.hasNext()) {
                    finish();
                    return false;
                }
                current = nextBlock().iterator();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private List<Row> nextBlock() {
            List<Tuple2<RecordKey, RawRecord>> block = new ArrayList<>(BLOCK + 16);
            while (pending != null || input.hasNext()) {
                Tuple2<RecordKey, RawRecord> next = pending != null ? pending : input.next();
                pending = null;
                if (block.size() >= BLOCK && !block.get(block.size() - 1)._1().sameMember(next._1())) {
                    pending = next;
                    break;
                }
                block.add(next);
            }
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            List<Row> rows = score(block);
            scoringCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
            scoringNanos += System.nanoTime() - t0;
            records += block.size();
            return rows;
        }

        private List<Row> score(List<Tuple2<RecordKey, RawRecord>> block) {
            List<ClaimReader.Read> reads = new ArrayList<>(block.size());
            for (Tuple2<RecordKey, RawRecord> t : block) {
                reads.add(t._2().read());
            }
            if (store != null) {
                reads = withStoredHistory(reads);
            }
            List<Outcome> outcomes = new BatchScorer(engine, 1).score(reads);
            List<Row> rows = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                tally.add(o);
                rows.add(row(reads.get(i).inputLine(), o));
            }
            return rows;
        }

        /**
         * Each claim gets its member's stored sessions, less those recorded by any of the member's
         * claims in this block: a claim scored again replaces what it recorded, as in
         * {@code claimrules score --history}.
         */
        private List<ClaimReader.Read> withStoredHistory(List<ClaimReader.Read> reads) {
            Map<String, Set<String>> claimsOfMember = new HashMap<>();
            for (ClaimReader.Read r : reads) {
                if (r.ok() && r.claim().memberId() != null) {
                    claimsOfMember.computeIfAbsent(r.claim().memberId(), m -> new HashSet<>()).add(r.claim().claimId());
                }
            }
            Map<String, List<HistoryEntry>> stored = claimsOfMember.isEmpty() ? Map.of()
                    : store.forMembers(claimsOfMember.keySet());
            List<ClaimReader.Read> out = new ArrayList<>(reads.size());
            for (ClaimReader.Read r : reads) {
                List<HistoryEntry> entries = List.of();
                if (r.ok() && r.claim().memberId() != null) {
                    Set<String> own = claimsOfMember.get(r.claim().memberId());
                    entries = stored.getOrDefault(r.claim().memberId(), List.of()).stream()
                            .filter(e -> e.claimId() == null || !own.contains(e.claimId())).toList();
                }
                out.add(entries.isEmpty() ? r
                        : new ClaimReader.Read(r.inputLine(), r.claim().withEarlierHistory(entries), null));
            }
            return out;
        }

        private void finish() {
            if (!finished) {
                finished = true;
                tally.add(new JobTally.PartitionTime(records, scoringNanos, scoringCpuNanos));
            }
        }
    }

    /** The output row: the JSON line {@code claimrules score} writes, and the columns Parquet output adds. */
    static Row row(long inputLine, Outcome o) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome could not be written as JSON", e);
        }
        if (o instanceof ClaimResult r) {
            return RowFactory.create(inputLine, r.claimId(), r.disposition().name(), null, r.rulesetVersion(), json);
        }
        ErrorRecord e = (ErrorRecord) o;
        return RowFactory.create(inputLine, e.claimId(), null, e.error().code(), null, json);
    }
}
