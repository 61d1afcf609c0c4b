package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.claimrules.engine.RuleListener;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Turns Drools' agenda events into {@link RuleListener} calls. The facts a consequence inserted
 * are found by comparing the session's facts before and after it (a consequence only inserts).
 */
public final class ListenerAdapter extends DefaultAgendaEventListener {

    private final RuleListener listener;
    private Set<Object> before = Set.of();

    public ListenerAdapter(RuleListener listener) {
        this.listener = listener;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        before = identitySet(event.getKieRuntime().getObjects());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        List<Object> inserted = new ArrayList<>();
        for (Object o : event.getKieRuntime().getObjects()) {
            if (!before.contains(o)) {
                inserted.add(o);
            }
        }
        List<Object> matched = new ArrayList<>();
        Set<Object> seen = identitySet(List.of());
        for (Object o : event.getMatch().getObjects()) {
            if (o != null && seen.add(o)) {
                matched.add(o);
            }
        }
        listener.fired(event.getMatch().getRule().getName(), matched, inserted);
    }

    private static Set<Object> identitySet(Iterable<?> objects) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : objects) {
            set.add(o);
        }
        return set;
    }
}
