package org.claimrules.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.claimrules.engine.internal.ClaimValidator;
import org.claimrules.engine.internal.Conclusions;
import org.claimrules.engine.internal.FactAssembler;
import org.claimrules.engine.internal.ListenerAdapter;
import org.claimrules.engine.internal.MemberScorer;
import org.claimrules.engine.internal.ResultBuilder;
import org.claimrules.engine.internal.Watchdog;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.facts.HistoryRecord;
import org.claimrules.model.facts.LinePrice;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Outcome;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library facade an adjudication system embeds: build once, call {@link #score(Claim)} per
 * claim (or {@link #scoreMember(List)} per member's claims) from any number of threads. The
 * ruleset can be replaced while claims are scored: a claim, and a member's claims, finish on the
 * ruleset they started with, and a ruleset that fails to load never replaces the working one.
 *
 * <pre>{@code
 * ClaimEngine engine = ClaimEngine.bundled();
 * ClaimResult result = engine.score(claim);
 * }</pre>
 */
public final class ClaimEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimEngine.class);
    /** Firings per fact past which a claim's rules are looping: an engine error, not a result. */
    static final int FIRINGS_PER_FACT = 200;
    static final int MIN_FIRINGS = 10_000;
    /**
     * The default CPU time one claim's rules may take (its scoring thread's; six times as much wall
     * time for a thread that waits), unless {@code claimrules.claimBudgetMillis} says otherwise.
     */
    static final long DEFAULT_BUDGET_MILLIS = Long.getLong("claimrules.claimBudgetMillis", 10_000L);

    private static final Comparator<HistoryEntry> HISTORY_ORDER = Comparator
            .comparing(HistoryEntry::serviceDate)
            .thenComparing(h -> String.valueOf(h.family()))
            .thenComparing(h -> String.valueOf(h.region()))
            .thenComparing(h -> String.valueOf(h.intent()));

    private final AtomicReference<Ruleset> ruleset;
    private volatile long budgetMillis = DEFAULT_BUDGET_MILLIS;
    private volatile boolean isolated;

    public ClaimEngine(Ruleset ruleset) {
        this.ruleset = new AtomicReference<>(ruleset);
    }

    /** The engine with the ruleset bundled in the jar. */
    public static ClaimEngine bundled() throws RulesetException {
        return new ClaimEngine(RulesetLoader.bundled());
    }

    /** The engine with a ruleset folder (as written by {@code claimrules rules export}). */
    public static ClaimEngine fromDirectory(Path dir) throws RulesetException {
        return new ClaimEngine(RulesetLoader.fromDirectory(dir));
    }

    public Ruleset ruleset() {
        return ruleset.get();
    }

    /** The version of the active ruleset, as every result reports it. */
    public String version() {
        return ruleset.get().version();
    }

    /** The edits of the active ruleset. */
    public EditCatalog catalog() {
        return ruleset.get().catalog();
    }

    /**
     * An engine that keeps the ruleset active now, whatever is swapped into this one later: a batch
     * scores every claim on it, and records it in every result.
     */
    public ClaimEngine pinned() {
        ClaimEngine pinned = new ClaimEngine(ruleset.get());
        pinned.budgetMillis = budgetMillis;
        pinned.isolated = isolated;
        return pinned;
    }

    /**
     * How much CPU time one claim's rules may take on its scoring thread (and six times as much wall
     * time) before the claim is stopped and reported as an engine error.
     */
    public void setClaimBudget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the claim budget must be positive");
        }
        this.budgetMillis = budget.toMillis();
    }

    /**
     * Whether the claims of a ruleset loaded from a folder are scored in child JVMs (one claim at a
     * time per child, as many children as threads scoring at once), so that a claim whose rules
     * never return is stopped by ending its process: an engine error for that claim, and the next
     * claim gets a new child. Results are the same as in process; a claim scored with a
     * {@link RuleListener} (explain) is still scored in process. The bundled ruleset is always
     * scored in process. Off by default; the command line turns it on for a {@code --rules} folder.
     */
    public void setIsolated(boolean isolated) {
        this.isolated = isolated;
    }

    /**
     * Compiles and validates the folder, then makes it the active ruleset. On any problem the
     * exception lists them and the current ruleset stays active.
     */
    public Ruleset replaceRuleset(Path dir) throws RulesetException {
        Ruleset next = RulesetLoader.fromDirectory(dir);
        replaceRuleset(next);
        return next;
    }

    /** Makes an already loaded ruleset the active one. */
    public void replaceRuleset(Ruleset next) {
        Ruleset previous = ruleset.getAndSet(next);
        if (previous != next) {
            previous.closeIsolation();
        }
        LOG.info("ruleset replaced: {} -> {}", previous.version(), next.version());
    }

    /**
     * Scores one claim with its own history.
     *
     * @throws InvalidClaimException when the claim cannot be scored as sent
     * @throws EngineErrorException when the engine fails on a valid claim (its message holds no claim content)
     */
    public ClaimResult score(Claim claim) {
        return evaluate(claim, List.of(), null).result();
    }

    /**
     * Scores one member's claims together, each counting the sessions its siblings record (the
     * in-batch history): one outcome per claim in the order given, an error record (without input
     * line) for a claim that cannot be scored. All of them are scored on one ruleset.
     */
    public List<Outcome> scoreMember(List<Claim> claims) {
        return evaluateMember(claims).stream().map(MemberOutcome::outcome).toList();
    }

    /** As {@link #scoreMember}, with each claim's evaluation (what it adds to the member's history too). */
    public List<MemberOutcome> evaluateMember(List<Claim> claims) {
        return MemberScorer.score(pinned(), claims);
    }

    /**
     * Scores one claim of a member's claims as {@link #scoreMember} does, with a listener on its
     * final scoring; the result is the one {@code scoreMember} gives it.
     */
    public Evaluation explainInMember(List<Claim> claims, int target, RuleListener listener) {
        return MemberScorer.explain(pinned(), claims, target, listener);
    }

    /**
     * Scores one claim, counting also the member's sessions from earlier claims of the same batch.
     *
     * @throws InvalidClaimException when the claim cannot be scored as sent
     * @throws EngineErrorException when the engine fails on a valid claim (its message holds no claim content)
     */
    public Evaluation evaluate(Claim claim, List<HistoryEntry> earlierInBatch, RuleListener listener) {
        Ruleset rs = ruleset.get();
        ClaimValidator.check(claim, rs.data());
        Isolation isolation = isolated && listener == null ? rs.isolation() : null;
        if (isolation != null) {
            return isolation.evaluate(claim, earlierInBatch, budgetMillis);
        }
        try {
            return evaluate(claim, earlierInBatch, listener, rs);
        } catch (RuntimeException | StackOverflowError e) {
            // A rule that fails (or recurses without end) on one claim fails that claim only. What
            // escapes here is logged by callers: keep the claim's content out of it.
            throw new EngineErrorException(claim.claimId(), e);
        }
    }

    private Evaluation evaluate(Claim claim, List<HistoryEntry> earlierInBatch, RuleListener listener, Ruleset rs) {
        List<Object> facts = FactAssembler.facts(claim, earlierInBatch, rs.data());
        KieSession session = rs.newSession(facts);
        ListenerAdapter adapter = listener == null ? null : new ListenerAdapter(listener);
        Conclusions conclusions = new Conclusions();
        Watchdog.Running running = null;
        try {
            session.addEventListener(conclusions);
            if (adapter != null) {
                session.addEventListener((AgendaEventListener) adapter);
                session.addEventListener((RuleRuntimeEventListener) adapter);
            }
            int cap = Math.max(MIN_FIRINGS, FIRINGS_PER_FACT * facts.size());
            running = Watchdog.start(session, budgetMillis);
            int fired = session.fireAllRules(cap);
            if (running.expired()) {
                throw new IllegalStateException("the rules did not finish within the claim budget of "
                        + budgetMillis + " ms on claim " + claim.claimId());
            }
            if (fired >= cap) {
                throw new IllegalStateException("rules fired " + fired + " times on claim " + claim.claimId()
                        + " without settling; a rule is looping");
            }
            return collect(claim, conclusions, rs);
        } finally {
            if (running != null) {
                Watchdog.finish(running);
            }
            session.removeEventListener(conclusions);
            if (adapter != null) {
                session.removeEventListener((AgendaEventListener) adapter);
                session.removeEventListener((RuleRuntimeEventListener) adapter);
            }
            session.dispose();
        }
    }

    private static Evaluation collect(Claim claim, Conclusions conclusions, Ruleset rs) {
        Map<Integer, java.math.BigDecimal> prices = new HashMap<>();
        for (LinePrice p : conclusions.prices()) {
            prices.put(p.lineNumber(), p.amount());
        }
        List<HistoryEntry> recorded = new ArrayList<>();
        for (HistoryRecord h : conclusions.history()) {
            recorded.add(h.entry());
        }
        recorded.sort(HISTORY_ORDER);
        ResultBuilder.Derived derived = new ResultBuilder.Derived(conclusions.findings(), conclusions.adjustments(),
                prices);
        ClaimResult result = ResultBuilder.build(claim, derived, rs.catalog(), rs.version());
        return new Evaluation(claim, result, recorded);
    }
}
