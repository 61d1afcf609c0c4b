package org.claimrules.model.facts;

import java.util.Map;
import org.claimrules.model.result.Severity;

/**
 * An edit that fired, as a fact: logically inserted by the edit's rule, so that it goes away if
 * its conditions stop holding, and other rules can see which lines are denied. {@code lineNumber}
 * is null for claim-level edits. {@code metadata} is the rule's metadata (shared, unquoted), so
 * that rules about findings can read an edit's properties by name.
 */
public record Finding(String editId, Severity severity, Integer lineNumber, String message, String ruleName,
        Map<String, String> metadata) {

    public String meta(String key) {
        return metadata.get(key);
    }

    public boolean adverse() {
        return severity == Severity.DENY || severity == Severity.RTP;
    }
}
