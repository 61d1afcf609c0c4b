package org.claimrules.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.engine.RuleListener;

/**
 * Records every rule firing of one claim's scoring: the rule, the facts the match holds, and the
 * facts its consequence inserted. Used for one claim at a time: it is not thread-safe.
 */
final class FiringRecorder implements RuleListener {

    /** One firing: the facts matched, in pattern order, and the facts it inserted. */
    record Recorded(String rule, List<Object> matched, List<Object> inserted) {
    }

    private final List<Recorded> firings = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> withdrawn = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void fired(String ruleName, List<Object> matched, List<Object> inserted) {
        seen.addAll(matched);
        seen.addAll(inserted);
        firings.add(new Recorded(ruleName, List.copyOf(matched), List.copyOf(inserted)));
    }

    @Override
    public void withdrawn(Object fact) {
        withdrawn.add(fact);
    }

    /** Whether a fact that a firing inserted was withdrawn again before the rules settled. */
    boolean wasWithdrawn(Object fact) {
        return withdrawn.contains(fact);
    }

    /** Every fact that was matched or inserted at some firing (some may have been withdrawn since). */
    Set<Object> seen() {
        return seen;
    }

    List<Recorded> firings() {
        return firings;
    }

    /** The firing that inserted each derived fact. */
    Map<Object, Recorded> insertedBy() {
        Map<Object, Recorded> by = new IdentityHashMap<>();
        for (Recorded r : firings) {
            for (Object o : r.inserted()) {
                by.putIfAbsent(o, r);
            }
        }
        return by;
    }
}
