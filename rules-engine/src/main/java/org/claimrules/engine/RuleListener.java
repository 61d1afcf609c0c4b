package org.claimrules.engine;

import java.util.List;

/**
 * Observes the rules as they score one claim, without subclassing the engine or touching Drools:
 * called once per rule firing with the facts the rule matched (in the order of its patterns) and
 * the facts its consequence inserted. Called on the scoring thread.
 */
public interface RuleListener {

    void fired(String ruleName, List<Object> matched, List<Object> inserted);
}
