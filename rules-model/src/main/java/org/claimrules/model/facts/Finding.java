package org.claimrules.model.facts;

import org.claimrules.model.result.Severity;

/**
 * An edit that fired, as a fact: logically inserted by the edit's rule, so that it goes away if
 * its conditions stop holding, and other rules (FJ-PAIR-003) can see which lines are denied.
 * {@code lineNumber} is null for claim-level edits.
 */
public record Finding(String editId, Severity severity, Integer lineNumber, String message, String ruleName) {
}
