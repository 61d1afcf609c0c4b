package org.claimrules.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EngineErrorException;
import org.claimrules.engine.Evaluation;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.engine.MemberOutcome;
import org.claimrules.engine.RuleListener;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one member's claims together: each claim counts the sessions its siblings record (what
 * their rules derive as counting for later claims), except on its own service dates.
 *
 * <p>The invariant it rests on: <b>no rule looks forward in time</b> — what is decided about a line
 * depends only on sessions dated before the line's date (and its own claim). So the member's
 * service dates are taken in order; at each date, every claim with a line on that date is scored
 * with the siblings' sessions dated before it, which are final by then. A claim's result is that
 * of its last date. A claim is scored once per date of its own (usually once), with the sessions
 * of the lookback window only (the ruleset's {@code history.lookbackMonths}), read from an index by
 * date ({@link MemberSessions}) rather than from every sibling, so a member's cost is close to
 * linear in its claims. At the end the invariant is checked: each claim's last scoring
 * must have seen exactly the sibling sessions they finally record; if not, a rule looked forward,
 * and the member's claims are engine errors rather than answers that depend on the order.
 */
public final class MemberScorer {

    private static final Logger LOG = LoggerFactory.getLogger(MemberScorer.class);

    private MemberScorer() {
    }

    /** A claim's recorded sessions and the sibling input its latest scoring used. */
    private static final class State {
        final Claim claim;
        final Set<LocalDate> dates;
        Evaluation evaluation;
        RuntimeException failure;
        List<HistoryEntry> input;
        int scorings;

        final int index;

        State(Claim claim, int index) {
            this.claim = claim;
            this.index = index;
            this.dates = new TreeSet<>();
            claim.lines().stream().map(ClaimLine::serviceDate).filter(Objects::nonNull).forEach(dates::add);
        }

        List<HistoryEntry> recorded() {
            return evaluation == null ? List.of() : evaluation.historyForLaterClaims();
        }
    }

    public static List<MemberOutcome> score(ClaimEngine engine, List<Claim> claims) {
        List<State> states = run(engine, claims);
        return states.stream().map(s -> new MemberOutcome(s.claim, s.evaluation, s.failure)).toList();
    }

    public static Evaluation explain(ClaimEngine engine, List<Claim> claims, int target, RuleListener listener) {
        List<State> states = run(engine, claims);
        State s = states.get(target);
        if (s.failure != null) {
            throw s.failure;
        }
        return engine.evaluate(s.claim, s.input == null ? List.of() : s.input, listener);
    }

    private static List<State> run(ClaimEngine engine, List<Claim> claims) {
        List<State> states = java.util.stream.IntStream.range(0, claims.size())
                .mapToObj(k -> new State(claims.get(k), k)).toList();
        MemberSessions sessions = new MemberSessions();
        if (states.size() == 1) {
            score(engine, states.get(0), List.of(), sessions);
            return states;
        }
        int months = engine.ruleset().historyLookbackMonths();
        // the dates of the member, each with the claims that have a line on it
        NavigableMap<LocalDate, List<Integer>> byDate = new TreeMap<>();
        for (int k = 0; k < states.size(); k++) {
            for (LocalDate d : states.get(k).dates) {
                byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(k);
            }
        }
        for (Map.Entry<LocalDate, List<Integer>> date : byDate.entrySet()) {
            for (int k : date.getValue()) {
                State s = states.get(k);
                if (s.failure != null) {
                    continue;
                }
                List<HistoryEntry> input = sessions.before(k, s.dates, date.getKey(), months);
                if (s.evaluation == null || !input.equals(s.input)) {
                    score(engine, s, input, sessions);
                }
            }
        }
        for (State s : states) {
            if (s.dates.isEmpty() && s.failure == null && s.evaluation == null) {
                score(engine, s, List.of(), sessions); // no dated line: the validator refuses it
            }
        }
        checkInvariant(states, months, sessions);
        return states;
    }

    /** How many times each claim was scored: what a member costs, for the tests that keep it linear. */
    public static int[] scoringsPerClaim(ClaimEngine engine, List<Claim> claims) {
        return run(engine.pinned(), claims).stream().mapToInt(s -> s.scorings).toArray();
    }

    private static void score(ClaimEngine engine, State s, List<HistoryEntry> input, MemberSessions sessions) {
        List<HistoryEntry> before = s.recorded();
        scoreOnce(engine, s, input);
        sessions.replace(s.index, before, s.recorded());
    }

    private static void scoreOnce(ClaimEngine engine, State s, List<HistoryEntry> input) {
        s.input = input;
        s.scorings++;
        try {
            s.evaluation = engine.evaluate(s.claim, input, null);
        } catch (InvalidClaimException e) {
            s.evaluation = null;
            s.failure = e;
        } catch (RuntimeException e) {
            LOG.error("engine error on claim {}", s.claim.claimId(), e);
            s.evaluation = null;
            s.failure = e instanceof EngineErrorException ? e
                    : new EngineErrorException(s.claim.claimId(), e);
        }
    }

    /** Each claim's last scoring must have seen what its siblings finally record; else a rule looked forward. */
    private static void checkInvariant(List<State> states, int months, MemberSessions sessions) {
        Set<Integer> broken = new HashSet<>();
        for (int k = 0; k < states.size(); k++) {
            State s = states.get(k);
            if (s.evaluation == null || s.dates.isEmpty()) {
                continue;
            }
            LocalDate last = ((TreeSet<LocalDate>) s.dates).last();
            if (!sessions.before(k, s.dates, last, months).equals(s.input)) {
                broken.add(k);
            }
        }
        if (broken.isEmpty()) {
            return;
        }
        LOG.error("a rule looks forward in time: the in-batch history of a member with {} claims did not settle",
                states.size());
        for (State s : states) {
            if (s.evaluation != null) {
                s.evaluation = null;
                s.failure = new EngineErrorException(s.claim.claimId(), new IllegalStateException(
                        "the member's claims do not settle: a rule depends on sessions dated after the line"));
            }
        }
    }
}
