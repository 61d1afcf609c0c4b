package org.claimrules.rules;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.result.Severity;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What an edit rule's consequence calls: records the edit the rule stands for as a logically
 * inserted {@link Finding}, with the edit ID, severity and metadata of the rule and its
 * {@code @message} template filled from the facts the rule bound. The finding is withdrawn if
 * the rule's conditions stop holding.
 */
public final class Edits {

    /** Per rule object (by identity: rulesets are swapped at run time; its metadata map is a new copy on every call), its parsed metadata and template. */
    private static final Map<IdentityKey, RuleInfo> INFO = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> STALE = new ReferenceQueue<>();

    private Edits() {
    }

    /** A line-level edit. */
    public static void edit(RuleContext drools, int lineNumber) {
        drools.insertLogical(finding(drools, lineNumber));
    }

    /** A claim-level edit (no line). */
    public static void claimEdit(RuleContext drools) {
        drools.insertLogical(finding(drools, null));
    }

    private static Finding finding(RuleContext drools, Integer lineNumber) {
        Rule rule = drools.getRule();
        RuleInfo info = INFO.get(new IdentityKey(rule));
        if (info == null) {
            dropStale();
            info = INFO.computeIfAbsent(new IdentityKey(rule), k -> RuleInfo.of(rule));
        }
        String message = info.template.format(name -> drools.getMatch().getDeclarationValue(name));
        return new Finding(info.editId, info.severity, lineNumber, message, rule.getName(), info.metadata);
    }

    /**
     * Metadata values come back quoted from a knowledge base compiled at run time with the
     * executable model, and unquoted from a kjar; both are accepted.
     */
    public static String metadata(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private record RuleInfo(String editId, Severity severity, Map<String, String> metadata, MessageTemplate template) {
        static RuleInfo of(Rule rule) {
            Map<String, String> meta = new HashMap<>();
            rule.getMetaData().keySet().forEach(k -> meta.put(k, Edits.metadata(rule.getMetaData(), k)));
            meta.put("package", rule.getPackageName());
            String message = meta.get("message");
            return new RuleInfo(meta.get("editId"), Severity.valueOf(meta.get("severity")), Map.copyOf(meta),
                    MessageTemplate.parse(message == null ? rule.getName() : message));
        }
    }

    /**
     * A rule by identity, held weakly: equal rules of two loaded rulesets stay apart, and a
     * ruleset that was replaced is not kept alive by this cache.
     */
    private static final class IdentityKey extends WeakReference<Object> {
        private final int hash;

        IdentityKey(Object target) {
            super(target, STALE);
            this.hash = System.identityHashCode(target);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && (k == this || (k.get() != null && k.get() == get()));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static void dropStale() {
        Reference<?> stale;
        while ((stale = STALE.poll()) != null) {
            INFO.remove(stale);
        }
    }
}
