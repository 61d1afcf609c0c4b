package org.claimrules.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records every rule firing of one claim's session: the rule, the facts the match holds, and the
 * facts its consequence inserted (found by comparing the session's facts before and after, since
 * a consequence only inserts). Used for one claim at a time: it is not thread-safe.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

    /** One firing: the facts matched, in pattern order, and the facts it inserted. */
    record Recorded(org.kie.api.definition.rule.Rule rule, List<Object> matched, List<Object> inserted) {
    }

    private final List<Recorded> firings = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private Set<Object> before = Set.of();

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        before = identitySet(event.getKieRuntime().getObjects());
        seen.addAll(before);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        List<Object> inserted = new ArrayList<>();
        for (Object o : event.getKieRuntime().getObjects()) {
            if (!before.contains(o)) {
                inserted.add(o);
                seen.add(o);
            }
        }
        List<Object> matched = new ArrayList<>();
        Set<Object> seen = identitySet(List.of());
        for (Object o : event.getMatch().getObjects()) {
            if (o != null && seen.add(o)) {
                matched.add(o);
            }
        }
        firings.add(new Recorded(event.getMatch().getRule(), matched, inserted));
    }

    /** Every fact that was in the session at some firing (some may have been withdrawn since). */
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

    private static Set<Object> identitySet(Iterable<?> objects) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : objects) {
            set.add(o);
        }
        return set;
    }
}
