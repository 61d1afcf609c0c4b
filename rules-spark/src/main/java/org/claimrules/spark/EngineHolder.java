package org.claimrules.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine per executor JVM and ruleset location, built on first use and shared by every task
 * the executor runs (the engine is thread-safe). Drools knowledge bases cannot be serialised, so
 * the engine is never shipped: each JVM compiles or loads its own, and checks that it has the
 * version the driver pinned for the job.
 */
final class EngineHolder {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHolder.class);
    private static final Map<String, ClaimEngine> ENGINES = new ConcurrentHashMap<>();

    private EngineHolder() {
    }

    /**
     * The engine for {@code ruleset} in this JVM.
     *
     * @throws RulesetMismatchException when it is not of {@code pinnedVersion}: the task fails
     *         rather than score part of the job with other rules
     */
    static ClaimEngine engine(RulesetRef ruleset, String pinnedVersion) {
        String location = ruleset.location();
        ClaimEngine engine = ENGINES.get(location);
        if (engine == null) {
            // Loading takes seconds (a folder compiles): tasks starting together wait for one load.
            synchronized (EngineHolder.class) {
                engine = ENGINES.get(location);
                if (engine == null) {
                    engine = load(ruleset, location);
                    ENGINES.put(location, engine);
                }
            }
        }
        String loaded = engine.ruleset().version();
        if (!loaded.equals(pinnedVersion)) {
            throw new RulesetMismatchException(pinnedVersion, loaded, location);
        }
        return engine;
    }

    /** The driver's engine, so that in local mode (one JVM) the ruleset is not loaded twice. */
    static void register(RulesetRef ruleset, ClaimEngine engine) {
        ENGINES.putIfAbsent(ruleset.location(), engine);
    }

    private static ClaimEngine load(RulesetRef ruleset, String location) {
        long start = System.nanoTime();
        try {
            ClaimEngine engine = ruleset.load();
            LOG.info("ruleset {} loaded from {} in {} ms", engine.ruleset().version(), location,
                    (System.nanoTime() - start) / 1_000_000);
            return engine;
        } catch (RulesetException e) {
            throw new IllegalStateException("the ruleset at " + location + " cannot be loaded on this executor: "
                    + e.getMessage() + " " + e.problems(), e);
        }
    }
}
