package org.claimrules.engine;

import java.util.List;

/**
 * Observes the rules as they score one claim, without subclassing the engine or touching Drools:
 * called once per rule firing with the facts the rule matched (in the order of its patterns) and
 * the facts its consequence inserted, and once for each inserted fact that is withdrawn again
 * (the match that justified it no longer holds: a later derivation changed a {@code not} or an
 * accumulate). Called on the scoring thread.
 */
public interface RuleListener {

    void fired(String ruleName, List<Object> matched, List<Object> inserted);

    /** A fact that a firing inserted is withdrawn; it is not part of the claim's conclusions. */
    default void withdrawn(Object fact) {
    }
}
