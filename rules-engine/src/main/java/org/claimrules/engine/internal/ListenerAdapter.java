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
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Turns Drools' agenda events into {@link RuleListener} calls: the facts a consequence inserted
 * are the insertions reported while it ran (a logical insert of a fact equal to one already held
 * adds no fact, and is not reported), and a withdrawn fact is reported as Drools deletes it.
 * Register it as both kinds of listener.
 */
public final class ListenerAdapter extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final RuleListener listener;
    private List<Object> inserted;

    public ListenerAdapter(RuleListener listener) {
        this.listener = listener;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        inserted = new ArrayList<>();
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (inserted != null) {
            inserted.add(event.getObject());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        listener.withdrawn(event.getOldObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        List<Object> matched = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : event.getMatch().getObjects()) {
            if (o != null && seen.add(o)) {
                matched.add(o);
            }
        }
        listener.fired(event.getMatch().getRule().getName(), matched, inserted == null ? List.of() : inserted);
        inserted = null;
    }
}
