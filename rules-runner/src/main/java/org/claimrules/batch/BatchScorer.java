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
import org.claimrules.engine.Evaluation;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.facts.Session;
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

    void scoreMember(List<ClaimReader.Read> records, List<Integer> group, Outcome[] outcomes) {
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
     * Scores one member's claims (read without error, in input order) in order of first service
     * date, ties by input order, feeding each the sessions of the earlier ones that were not denied.
     * Returns the outcomes in the order of {@code claims}. The streaming pipeline and the in-memory
     * scorer share this, so they cannot drift apart.
     */
    static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims) {
        Outcome[] outcomes = new Outcome[claims.size()];
        Integer[] order = new Integer[claims.size()];
        LocalDate[] first = new LocalDate[claims.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            first[k] = firstServiceDate(claims.get(k).claim());
        }
        if (order.length > 1) {
            java.util.Arrays.sort(order, Comparator.comparing((Integer k) -> first[k]).thenComparing(k -> k));
        }
        List<Session> earlier = new ArrayList<>();
        for (int k : order) {
            ClaimReader.Read r = claims.get(k);
            Claim claim = r.claim();
            List<Session> counted = earlier;
            if (!earlier.isEmpty()) {
                Set<LocalDate> ownDates = claim.lines().stream().map(ClaimLine::serviceDate)
                        .filter(d -> d != null).collect(Collectors.toSet());
                counted = earlier.stream().filter(s -> !ownDates.contains(s.date())).toList();
            }
            try {
                Evaluation evaluation = engine.evaluate(claim, counted, null);
                outcomes[k] = evaluation.result();
                if (order.length > 1) {
                    earlier.addAll(evaluation.sessionsForLaterClaims());
                }
            } catch (InvalidClaimException e) {
                outcomes[k] = ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), r.inputLine());
            } catch (RuntimeException e) {
                LOG.error("engine error on claim {} (input line {})", claim.claimId(), r.inputLine(), e);
                outcomes[k] = ErrorRecord.of(claim.claimId(), "ENGINE_ERROR",
                        "the engine failed on this claim: " + e.getClass().getSimpleName(), null, r.inputLine());
            }
        }
        return outcomes;
    }

    static LocalDate firstServiceDate(Claim claim) {
        return claim.lines().stream().map(ClaimLine::serviceDate).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }
}
