package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A claim is evaluated by the rules it can concern: the rules of package {@code rules.X} take part
 * only when a table of {@code tables/X/} matched by procedure code gave the claim a row (its codes
 * are X's), and the rules of every other package always do. A claim pays for every join of the
 * knowledge base that its facts reach, and the claim and its lines reach joins in every family, so
 * without this a claim would pay for the rules of every procedure family of the ruleset. Each
 * combination of scopes gets its own knowledge base, built from the same compiled models on first
 * use; the one of all scopes is the ruleset's own. A fact that no rule of the session's knowledge
 * base can match (a table row of a family left out) is not inserted: it would cost its fact handle
 * and a store of its class, and change nothing.
 */
public final class ScopedBases {

    private static final Logger LOG = LoggerFactory.getLogger(ScopedBases.class);

    private final Map<Class<?>, Set<String>> scopeOfRow;
    private final Set<String> scopes;
    /** Every model in the ruleset's order, with the scope it belongs to (null: always taken). */
    private final List<ScopedModel> models;
    private final KieSessionsPool full;
    private final Function<Collection<Model>, KieBase> build;
    private final int poolSize;
    private final Map<Set<String>, KieSessionsPool> pools = new ConcurrentHashMap<>();
    /** Per knowledge base (by identity), whether some rule of it can match a fact of a class. */
    private final Map<KieBase, Map<Class<?>, Boolean>> matched = new ConcurrentHashMap<>();

    private record ScopedModel(Model model, String scope) {
    }

    private ScopedBases(Map<Class<?>, Set<String>> scopeOfRow, List<ScopedModel> models,
            KieSessionsPool full, Function<Collection<Model>, KieBase> build, int poolSize) {
        this.scopeOfRow = scopeOfRow;
        this.scopes = new TreeSet<>();
        models.stream().map(ScopedModel::scope).filter(Objects::nonNull).forEach(scopes::add);
        this.models = models;
        this.full = full;
        this.build = build;
        this.poolSize = poolSize;
    }

    /** Every claim evaluated by the whole ruleset: its models are not known (a kjar built otherwise). */
    public static ScopedBases whole(KieSessionsPool full) {
        return new ScopedBases(Map.of(), List.of(), full, null, 0);
    }

    /**
     * {@code scopeOfRow}: the folders each scoping table row type belongs to ({@code Tables.scopingRowTypes});
     * {@code models}: the ruleset's compiled models, one per package; {@code build}: a knowledge base of some of them.
     */
    public static ScopedBases of(Map<Class<?>, Set<String>> scopeOfRow, List<Model> models, KieSessionsPool full,
            Function<Collection<Model>, KieBase> build, int poolSize) {
        Set<String> folders = new TreeSet<>();
        scopeOfRow.values().forEach(folders::addAll);
        List<ScopedModel> withScope = new ArrayList<>();
        for (Model m : models) {
            String pkg = m.getPackageName();
            String folder = pkg != null && pkg.startsWith("rules.") ? pkg.substring("rules.".length()) : null;
            withScope.add(new ScopedModel(m, folder != null && folders.contains(folder) ? folder : null));
        }
        boolean any = withScope.stream().anyMatch(m -> m.scope() != null);
        return any ? new ScopedBases(scopeOfRow, withScope, full, build, poolSize) : whole(full);
    }

    /**
     * A session whose knowledge base holds the rules these facts can concern, with the facts that
     * a rule of it can match inserted.
     */
    public KieSession newSession(List<Object> facts) {
        KieSession session = pool(facts).newKieSession();
        try {
            KieBase kieBase = session.getKieBase();
            Map<Class<?>, Boolean> matchable = matched.computeIfAbsent(kieBase, k -> new ConcurrentHashMap<>());
            for (Object fact : facts) {
                if (matchable.computeIfAbsent(fact.getClass(), c -> matchable(kieBase, c))) {
                    session.insert(fact);
                }
            }
            return session;
        } catch (RuntimeException | Error e) {
            session.dispose();
            throw e;
        }
    }

    private KieSessionsPool pool(List<Object> facts) {
        if (scopes.isEmpty()) {
            return full;
        }
        Set<String> present = new TreeSet<>();
        for (Object fact : facts) {
            Set<String> s = scopeOfRow.get(fact.getClass());
            if (s != null) {
                present.addAll(s);
            }
        }
        present.retainAll(scopes);
        return present.equals(scopes) ? full : pools.computeIfAbsent(present, this::poolOf);
    }

    /**
     * Whether a pattern of the knowledge base can match a fact of the class: an object type node
     * that accepts the class leads somewhere (Drools adds an empty node for a class it meets that
     * no rule names). A knowledge base of another kind takes every fact.
     */
    private static boolean matchable(KieBase kieBase, Class<?> type) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return true;
        }
        for (EntryPointNode entryPoint : base.getRete().getEntryPointNodes().values()) {
            for (Map.Entry<ObjectType, ObjectTypeNode> node : entryPoint.getObjectTypeNodes().entrySet()) {
                if (node.getKey().isAssignableFrom(type)
                        && node.getValue().getObjectSinkPropagator().getSinks().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private KieSessionsPool poolOf(Set<String> present) {
        List<Model> taken = new ArrayList<>();
        for (ScopedModel m : models) {
            if (m.scope() == null || present.contains(m.scope())) {
                taken.add(m.model());
            }
        }
        try {
            return build.apply(taken).newKieSessionsPool(poolSize);
        } catch (RuntimeException e) {
            // the whole ruleset concludes the same, at the cost this saves
            LOG.warn("the rules of scopes {} could not be built on their own; their claims use the whole ruleset: {}",
                    present, e.getMessage());
            return full;
        }
    }
}
