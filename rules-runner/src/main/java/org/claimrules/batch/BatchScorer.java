package org.claimrules.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EngineErrorException;
import org.claimrules.engine.Evaluation;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.facts.Session;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a batch of records: one outcome per record, in input order. The claims of one member are
 * scored in order of their first service date, each counting the sessions of the member's earlier
 * claims in the batch that were not denied; members are independent and scored in parallel, so
 * the outcome never depends on the number of threads.
 */
public final class BatchScorer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);

    private final ClaimEngine engine;
    private final int threads;

    public BatchScorer(ClaimEngine engine, int threads) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
    }

    public List<Outcome> score(List<ClaimReader.Read> records) {
        Outcome[] outcomes = new Outcome[records.size()];
        Map<String, List<Integer>> byMember = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ClaimReader.Read r = records.get(i);
            if (r.ok()) {
                String member = r.claim().memberId() == null ? "\u0000" + i : r.claim().memberId();
                byMember.computeIfAbsent(member, k -> new ArrayList<>()).add(i);
            } else {
                outcomes[i] = r.error();
            }
        }
        if (threads == 1) {
            byMember.values().forEach(group -> scoreMember(records, group, outcomes));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (List<Integer> group : byMember.values()) {
                    futures.add(pool.submit(() -> scoreMember(records, group, outcomes)));
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

    /** Scores one member's claims in date order, feeding each the sessions of the earlier ones. */
    void scoreMember(List<ClaimReader.Read> records, List<Integer> group, Outcome[] outcomes) {
        List<Integer> order = new ArrayList<>(group);
        order.sort(Comparator.comparing((Integer i) -> firstServiceDate(records.get(i).claim()))
                .thenComparing(i -> i));
        List<Session> earlier = new ArrayList<>();
        for (int i : order) {
            ClaimReader.Read r = records.get(i);
            Claim claim = r.claim();
            Set<LocalDate> ownDates = claim.lines().stream().map(ClaimLine::serviceDate)
                    .filter(d -> d != null).collect(Collectors.toSet());
            List<Session> counted = earlier.stream().filter(s -> !ownDates.contains(s.date())).toList();
            try {
                Evaluation evaluation = engine.evaluate(claim, counted, null);
                outcomes[i] = evaluation.result();
                earlier.addAll(evaluation.sessionsForLaterClaims());
            } catch (InvalidClaimException e) {
                outcomes[i] = ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), r.inputLine());
            } catch (RuntimeException e) {
                LOG.error("engine error on claim {} (input line {})", claim.claimId(), r.inputLine(), e);
                outcomes[i] = ErrorRecord.of(claim.claimId(), ErrorCode.ENGINE_ERROR, e instanceof EngineErrorException
                        ? e.getMessage() : "the engine failed on this claim: " + e.getClass().getSimpleName(),
                        null, r.inputLine());
            }
        }
    }

    static LocalDate firstServiceDate(Claim claim) {
        return claim.lines().stream().map(ClaimLine::serviceDate).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }
}
