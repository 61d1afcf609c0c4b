package org.claimrules.rules;

import java.util.Map;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.result.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What an edit rule's consequence calls: records the edit the rule stands for, with the edit ID
 * and severity from the rule's metadata, as a logically inserted {@link Finding}. The finding is
 * withdrawn if the rule's conditions stop holding.
 */
public final class Edits {

    private Edits() {
    }

    /** A line-level edit. */
    public static void edit(RuleContext drools, int lineNumber, String message) {
        drools.insertLogical(finding(drools, lineNumber, message));
    }

    /** A claim-level edit (no line). */
    public static void claimEdit(RuleContext drools, String message) {
        drools.insertLogical(finding(drools, null, message));
    }

    private static Finding finding(RuleContext drools, Integer lineNumber, String message) {
        Map<String, Object> meta = drools.getRule().getMetaData();
        return new Finding(
                metadata(meta, "editId"),
                Severity.valueOf(metadata(meta, "severity")),
                lineNumber,
                message,
                drools.getRule().getName());
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
}
