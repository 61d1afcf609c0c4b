package org.claimrules.engine;

/** Where a rule is written: its DRL file, relative to the ruleset's root, and the rule's first line. */
public record RuleLocation(String file, int line) {
}
