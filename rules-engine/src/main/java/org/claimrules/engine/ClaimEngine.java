package org.claimrules.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.claimrules.model.Claim;
import org.claimrules.model.Region;
import org.claimrules.model.facts.FacetLine;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.facts.Session;
import org.claimrules.model.result.ClaimResult;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library facade an adjudication system embeds: build once, call {@link #score(Claim)} per
 * claim from any number of threads. The ruleset can be replaced while claims are scored: a claim
 * finishes on the ruleset it started with, and a ruleset that fails to load never replaces the
 * working one.
 *
 * <pre>{@code
 * ClaimEngine engine = ClaimEngine.bundled();
 * ClaimResult result = engine.score(claim);
 * }</pre>
 */
public final class ClaimEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimEngine.class);
    /** A claim whose rules fire more often than this is looping: an engine error, not a result. */
    static final int MAX_FIRINGS = 10_000;

    private final AtomicReference<Ruleset> ruleset;

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

    /**
     * Compiles and validates the folder, then makes it the active ruleset. On any problem the
     * exception lists them and the current ruleset stays active.
     */
    public Ruleset replaceRuleset(Path dir) throws RulesetException {
        Ruleset next = RulesetLoader.fromDirectory(dir);
        Ruleset previous = ruleset.getAndSet(next);
        LOG.info("ruleset replaced: {} -> {}", previous.version(), next.version());
        return next;
    }

    /** Makes an already loaded ruleset the active one. */
    public void replaceRuleset(Ruleset next) {
        Ruleset previous = ruleset.getAndSet(next);
        LOG.info("ruleset replaced: {} -> {}", previous.version(), next.version());
    }

    /** Scores one claim with its own history. */
    public ClaimResult score(Claim claim) {
        return evaluate(claim, List.of(), null).result();
    }

    /**
     * Scores one claim, counting also the member's sessions from earlier claims of the same batch.
     *
     * @throws InvalidClaimException when the claim cannot be scored as sent
     * @throws EngineErrorException when the engine fails on a valid claim (its message holds no claim content)
     */
    public Evaluation evaluate(Claim claim, List<Session> earlierInBatch, AgendaEventListener listener) {
        Ruleset rs = ruleset.get();
        ClaimValidator.check(claim, rs.data());
        try {
            return evaluate(claim, earlierInBatch, listener, rs);
        } catch (RuntimeException | StackOverflowError e) {
            // A rule that fails (or recurses without end) on one claim fails that claim only. What
            // escapes here is logged by callers: keep the claim's content out of it.
            throw new EngineErrorException(claim.claimId(), e);
        }
    }

    private Evaluation evaluate(Claim claim, List<Session> earlierInBatch, AgendaEventListener listener, Ruleset rs) {
        List<Object> facts = FactAssembler.facts(claim, earlierInBatch, rs.data());
        KieSession session = rs.newSession();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + fired + " times on claim " + claim.claimId()
                        + " without settling; a rule is looping");
            }
            List<Finding> findings = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            Map<Integer, Region> regions = new HashMap<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof Session s && s.current()) {
                    sessions.add(s);
                } else if (o instanceof FacetLine f) {
                    regions.put(f.lineNumber(), f.region());
                }
            }
            sessions.sort(java.util.Comparator.comparing(Session::date).thenComparing(Session::region)
                    .thenComparing(Session::intent));
            ClaimResult result = ResultBuilder.build(claim, findings, rs);
            return new Evaluation(claim, result, sessions, regions);
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.dispose();
        }
    }
}
