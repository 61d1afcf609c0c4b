package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.claimrules.model.facts.Adjustment;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.facts.HistoryRecord;
import org.claimrules.model.facts.LinePrice;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What a claim's rules concluded, kept as the rules insert and withdraw it: its findings,
 * adjustments, prices and history records, in the order they were inserted. The session's own
 * store cannot be asked at the end, because the knowledge bases are immutable and Drools drops a
 * fact that no pattern matches from that store as soon as it is inserted (RulesetLoader); a
 * withdrawn fact is reported whether it was dropped or not.
 */
public final class Conclusions implements RuleRuntimeEventListener {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final List<LinePrice> prices = new ArrayList<>();
    private final List<HistoryRecord> history = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object o = event.getObject();
        if (o instanceof Finding f) {
            findings.add(f);
        } else if (o instanceof Adjustment a) {
            adjustments.add(a);
        } else if (o instanceof LinePrice p) {
            prices.add(p);
        } else if (o instanceof HistoryRecord h) {
            history.add(h);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        Object o = event.getOldObject();
        List<?> from = o instanceof Finding ? findings : o instanceof Adjustment ? adjustments
                : o instanceof LinePrice ? prices : o instanceof HistoryRecord ? history : null;
        if (from != null) {
            removeSame(from, o);
        }
    }

    /** Conclusions are facts a consequence inserts; the rules never modify one. */
    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    private static void removeSame(List<?> list, Object o) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == o) {
                list.remove(i);
                return;
            }
        }
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }

    public List<LinePrice> prices() {
        return prices;
    }

    public List<HistoryRecord> history() {
        return history;
    }
}
