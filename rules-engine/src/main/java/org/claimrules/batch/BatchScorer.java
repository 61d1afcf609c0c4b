package org.claimrules.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.MemberOutcome;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorDetail;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;

/**
 * Scores a batch of records: one outcome per record, in input order, all on the ruleset active
 * when the batch starts. A record whose claim ID an earlier record already used is a
 * DUPLICATE_CLAIM error record, as in the streaming pipeline. A member's claims are scored together by the engine (each counts the
 * sessions its siblings record); members are independent and scored in parallel, so the outcome
 * never depends on the number of threads.
 */
public final class BatchScorer {

    private final ClaimEngine engine;
    private final int threads;

    public BatchScorer(ClaimEngine engine, int threads) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
    }

    public List<Outcome> score(List<ClaimReader.Read> records) {
        ClaimEngine pinned = engine.pinned();
        Outcome[] outcomes = new Outcome[records.size()];
        Map<String, List<Integer>> byMember = new LinkedHashMap<>();
        ClaimIds claimIds = new ClaimIds();
        for (int i = 0; i < records.size(); i++) {
            ClaimReader.Read r = repeated(records.get(i), claimIds);
            if (r.ok()) {
                String member = r.claim().memberId() == null ? "\u0000" + i : r.claim().memberId();
                byMember.computeIfAbsent(member, k -> new ArrayList<>()).add(i);
            } else {
                outcomes[i] = r.error();
            }
        }
        if (threads == 1) {
            byMember.values().forEach(group -> scoreMember(pinned, records, group, outcomes));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (List<Integer> group : byMember.values()) {
                    futures.add(pool.submit(() -> scoreMember(pinned, records, group, outcomes)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("scoring failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return List.of(outcomes);
    }

    /**
     * The record, or a DUPLICATE_CLAIM error record when an earlier record of the batch has its
     * claim ID: the rule and the bounded set of IDs the streaming pipeline applies.
     */
    private static ClaimReader.Read repeated(ClaimReader.Read r, ClaimIds claimIds) {
        String claimId = r.ok() ? r.claim().claimId() : r.error().claimId();
        if (claimId != null && !claimIds.add(claimId)) {
            return ClaimReader.duplicate(claimId, r.inputLine());
        }
        return r;
    }

    private static void scoreMember(ClaimEngine engine, List<ClaimReader.Read> records, List<Integer> group,
            Outcome[] outcomes) {
        List<ClaimReader.Read> claims = new ArrayList<>(group.size());
        for (int i : group) {
            claims.add(records.get(i));
        }
        Outcome[] scored = scoreMember(engine, claims);
        for (int k = 0; k < scored.length; k++) {
            outcomes[group.get(k)] = scored[k];
        }
    }

    /**
     * Scores one member's claims (read without error, in input order) and returns their outcomes in
     * the order of {@code claims}, error records carrying their input line. The streaming pipeline
     * and the in-memory scorer share this, so they cannot drift apart.
     */
    static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims) {
        return scoreMember(engine, claims, null);
    }

    /**
     * The same, with the member's history from outside the batch (a history store) added to each
     * claim first, and each claim's evaluation handed to {@code history} once the member is scored.
     */
    static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims, MemberHistory history) {
        List<ClaimReader.Read> reads = history == null ? claims : MemberHistory.withStored(history, claims);
        List<Claim> member = reads.stream().map(ClaimReader.Read::claim).toList();
        List<MemberOutcome> scored = engine.evaluateMember(member);
        Outcome[] out = new Outcome[scored.size()];
        for (int k = 0; k < out.length; k++) {
            if (history != null && scored.get(k).evaluation() != null) {
                history.scored(scored.get(k).evaluation());
            }
            Outcome o = scored.get(k).outcome();
            if (o instanceof ErrorRecord e) {
                ErrorDetail d = e.error();
                o = new ErrorRecord(e.claimId(), new ErrorDetail(d.code(), d.message(), d.field(), claims.get(k).inputLine()));
            }
            out[k] = o;
        }
        return out;
    }
}
