package org.claimrules.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.claimrules.engine.internal.DrlIndex;
import org.claimrules.engine.internal.ScopedBases;
import org.claimrules.tables.Tables;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A loaded, validated ruleset: the compiled rules, their edit catalogue and the data tables.
 * Immutable and shared by all threads; sessions are borrowed per claim from the pool of the rules the claim can concern.
 */
public final class Ruleset {

    private final KieBase kieBase;
    private final ScopedBases sessions;
    private final Tables data;
    private final EditCatalog catalog;
    private final String version;
    private final Path root;
    private final int historyLookbackMonths;
    private final List<RulesetProblem> warnings;
    /** Where each rule is written, read when the ruleset was loaded. */
    private final DrlIndex sources;
    /** The compiled rules of a folder's ruleset, as a child process loads them; null for the bundled one. */
    private final Supplier<byte[]> compiled;
    /** The child processes that score this ruleset's claims for an isolated engine, started on first use. */
    private Isolation isolation;

    Ruleset(KieBase kieBase, ScopedBases sessions, Tables data, EditCatalog catalog, DrlIndex sources,
            String version, Path root, int historyLookbackMonths, List<RulesetProblem> warnings,
            Supplier<byte[]> compiled) {
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.data = data;
        this.catalog = catalog;
        this.sources = sources;
        this.version = version;
        this.root = root;
        this.historyLookbackMonths = historyLookbackMonths;
        this.warnings = List.copyOf(warnings);
        this.compiled = compiled;
    }

    /**
     * The child processes that score this ruleset's claims in isolation, or null for the bundled
     * ruleset, whose rules are the project's own and run in process.
     */
    synchronized Isolation isolation() {
        if (compiled == null) {
            return null;
        }
        if (isolation == null) {
            isolation = new Isolation(this, compiled);
        }
        return isolation;
    }

    /** Ends the child processes of this ruleset's isolation, if any were started (it was replaced). */
    synchronized void closeIsolation() {
        if (isolation != null) {
            isolation.close();
        }
    }

    /**
     * What is suspicious but not wrong, for {@code validate} to show: a profile without rows in a
     * table that every bundled profile has rows in.
     */
    public List<RulesetProblem> warnings() {
        return warnings;
    }

    /**
     * How far back a member's earlier claims in a batch are counted (the ruleset's
     * {@code history.lookbackMonths}): the longest window its rules look back over.
     */
    public int historyLookbackMonths() {
        return historyLookbackMonths;
    }

    /** A session of the rules these facts of a claim can concern, with the facts they can match inserted. */
    KieSession newSession(List<Object> facts) {
        return sessions.newSession(facts);
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** How many rules the ruleset compiled to, edits and derivations together. */
    public int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /**
     * Where a rule is written among the ruleset's files (its DRL file and first line), for a rule
     * named by an {@link EditDefinition#ruleName()}; empty when no file of the ruleset holds it.
     */
    public Optional<RuleLocation> locate(String ruleName) {
        return sources.rule(ruleName).map(r -> new RuleLocation(r.file(), r.firstLine()));
    }

    public Tables data() {
        return data;
    }

    public EditCatalog catalog() {
        return catalog;
    }

    /** Reported in every result: the bundled build version, or a content hash of a ruleset folder. */
    public String version() {
        return version;
    }

    /** The folder the ruleset's files are read from (inside the jar for the bundled one). */
    public Path root() {
        return root;
    }
}
