package org.claimrules.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
     * Scores one member's claims (read without error, in input order) and returns their outcomes in
     * the order of {@code claims}. The streaming pipeline and the in-memory scorer share this, so
     * they cannot drift apart.
     *
     * <p>The claims are scored in order of first service date (ties by input order), each counting
     * the sessions of the claims scored before it that were not denied. When the member's claims
     * interleave in time (a claim has a session after another claim's first date), a claim scored
     * early may have a later session that must count a later-scored claim's session; then every
     * claim is scored again with the sessions of all its siblings until no outcome changes. The
     * rules only count sessions before a claim's own, and a session depends only on earlier ones, so
     * this settles within as many rounds as the member has service dates.
     */
    static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims) {
        return scoreMember(engine, claims, (Evaluation[]) null);
    }

    /**
     * HOOK (claims history store, issue 11): the same, with the member's stored history added to
     * each claim first, and each claim's final evaluation handed to {@code history} at the end.
     */
    static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims, MemberHistory history) {
        if (history == null) {
            return scoreMember(engine, claims);
        }
        Evaluation[] evaluations = new Evaluation[claims.size()];
        Outcome[] outcomes = scoreMember(engine, MemberHistory.withStored(history, claims), evaluations);
        for (Evaluation e : evaluations) {
            if (e != null) {
                history.scored(e);
            }
        }
        return outcomes;
    }

    /** {@code evaluations}, when not null, receives each claim's last evaluation (null for an error record). */
    private static Outcome[] scoreMember(ClaimEngine engine, List<ClaimReader.Read> claims, Evaluation[] evaluations) {
        int n = claims.size();
        Outcome[] outcomes = new Outcome[n];
        List<List<Session>> given = new ArrayList<>(Collections.nCopies(n, List.<Session>of()));
        Integer[] order = new Integer[n];
        LocalDate[] first = new LocalDate[n];
        LocalDate[] last = new LocalDate[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            first[k] = firstServiceDate(claims.get(k).claim());
            last[k] = lastServiceDate(claims.get(k).claim());
        }
        if (n == 1) {
            outcomes[0] = score(engine, claims.get(0), List.of(), given, 0, evaluations);
            return outcomes;
        }
        Arrays.sort(order, Comparator.comparing((Integer k) -> first[k]).thenComparing(k -> k));
        List<Session> earlier = new ArrayList<>();
        for (int k : order) {
            outcomes[k] = score(engine, claims.get(k), earlier, given, k, evaluations);
            earlier.addAll(given.get(k));
        }
        if (!interleaved(order, first, last)) {
            return outcomes;
        }
        int rounds = (int) claims.stream().flatMap(r -> r.claim().lines().stream())
                .map(ClaimLine::serviceDate).distinct().count();
        for (int round = 0; round < rounds; round++) {
            boolean changed = false;
            for (int k : order) {
                List<Session> siblings = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (j != k) {
                        siblings.addAll(given.get(j));
                    }
                }
                Outcome before = outcomes[k];
                outcomes[k] = score(engine, claims.get(k), siblings, given, k, evaluations);
                changed |= !before.equals(outcomes[k]);
            }
            if (!changed) {
                break;
            }
        }
        return outcomes;
    }

    /** True when a claim scored later has a first date before the last date of one scored earlier. */
    private static boolean interleaved(Integer[] order, LocalDate[] first, LocalDate[] last) {
        LocalDate latest = LocalDate.MIN;
        for (int k : order) {
            if (first[k].isBefore(latest)) {
                return true;
            }
            if (last[k].isAfter(latest)) {
                latest = last[k];
            }
        }
        return false;
    }

    /**
     * Scores one claim counting {@code others}, less those on its own service dates, and records in
     * {@code given} the sessions it gives its siblings.
     */
    private static Outcome score(ClaimEngine engine, ClaimReader.Read r, List<Session> others,
            List<List<Session>> given, int k, Evaluation[] evaluations) {
        Claim claim = r.claim();
        List<Session> counted = others;
        if (!others.isEmpty()) {
            Set<LocalDate> ownDates = claim.lines().stream().map(ClaimLine::serviceDate)
                    .filter(d -> d != null).collect(Collectors.toSet());
            counted = others.stream().filter(s -> !ownDates.contains(s.date())).toList();
        }
        try {
            Evaluation evaluation = engine.evaluate(claim, counted, null);
            given.set(k, evaluation.sessionsForLaterClaims());
            if (evaluations != null) {
                evaluations[k] = evaluation;
            }
            return evaluation.result();
        } catch (InvalidClaimException e) {
            given.set(k, List.of());
            return ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), r.inputLine());
        } catch (RuntimeException e) {
            given.set(k, List.of());
            LOG.error("engine error on claim {} (input line {})", claim.claimId(), r.inputLine(), e);
            return ErrorRecord.of(claim.claimId(), ErrorCode.ENGINE_ERROR, e instanceof EngineErrorException
                    ? e.getMessage() : "the engine failed on this claim: " + e.getClass().getSimpleName(),
                    null, r.inputLine());
        }
    }

    static LocalDate firstServiceDate(Claim claim) {
        return claim.lines().stream().map(ClaimLine::serviceDate).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }

    static LocalDate lastServiceDate(Claim claim) {
        return claim.lines().stream().map(ClaimLine::serviceDate).filter(d -> d != null)
                .max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }
}
