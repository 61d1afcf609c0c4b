package org.claimrules.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.claimrules.engine.internal.FactAssembler;
import org.claimrules.model.Claim;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.Memory;
import org.drools.core.common.NodeMemories;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.FromNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.reteoo.TupleToObjectNode;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.runtime.KieSession;

/**
 * How much of the Rete network one claim fills, rule by rule: after the claim's rules settle, the
 * partial matches (tuples) held in the memories of the nodes each rule uses, and how often each
 * rule fired. Both are counts, not times, so tests can compare claims of different sizes
 * deterministically. A node two rules share counts for both.
 */
final class RuleTuples {

    /** Per rule name: tuples held in its nodes' memories and firings. */
    record Count(long tuples, long firings) {
    }

    private RuleTuples() {
    }

    static Map<String, Count> of(ClaimEngine engine, Claim claim) {
        Ruleset rs = engine.ruleset();
        KieSession session = rs.kieBase().newKieSession();
        try {
            Map<String, Long> fired = new HashMap<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.merge(event.getMatch().getRule().getPackageName() + "." + event.getMatch().getRule().getName(), 1L, Long::sum);
                }
            });
            for (Object fact : FactAssembler.facts(claim, List.of(), rs.data())) {
                session.insert(fact);
            }
            session.fireAllRules();
            NodeMemories memories = ((InternalWorkingMemory) session).getNodeMemories();
            Map<String, Count> counts = new TreeMap<>();
            InternalRuleBase base = (InternalRuleBase) rs.kieBase();
            for (Map.Entry<String, TerminalNode[]> e : base.getReteooBuilder().getTerminalNodes().entrySet()) {
                Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                long tuples = 0;
                for (TerminalNode t : e.getValue()) {
                    tuples += tuples(t.getLeftTupleSource(), memories, seen);
                }
                counts.put(e.getKey(), new Count(tuples, fired.getOrDefault(e.getKey(), 0L)));
            }
            return counts;
        } finally {
            session.dispose();
        }
    }

    /** Total over all rules. */
    static Count total(Map<String, Count> counts) {
        return new Count(counts.values().stream().mapToLong(Count::tuples).sum(),
                counts.values().stream().mapToLong(Count::firings).sum());
    }

    private static long tuples(LeftTupleSource node, NodeMemories memories, Set<Object> seen) {
        long n = 0;
        for (LeftTupleSource s = node; s != null && seen.add(s); s = s.getLeftTupleSource()) {
            Memory m = memories.peekNodeMemory(s);
            n += size(m);
            if (s instanceof BetaNode beta && beta.getRightInput().getParent() instanceof TupleToObjectNode sub) {
                n += tuples(sub.getLeftTupleSource(), memories, seen);
            }
        }
        return n;
    }

    private static long size(Memory m) {
        BetaMemory<?> beta = m instanceof BetaMemory<?> b ? b
                : m instanceof AccumulateNode.AccumulateMemory a ? a.getBetaMemory()
                : m instanceof FromNode.FromMemory f ? f.getBetaMemory()
                : null;
        return beta == null ? 0 : size(beta.getLeftTupleMemory()) + size(beta.getRightTupleMemory());
    }

    private static long size(TupleMemory m) {
        return m == null ? 0 : m.size();
    }
}
