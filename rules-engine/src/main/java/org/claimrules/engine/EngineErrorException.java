package org.claimrules.engine;

import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The engine failed on a claim that passed validation: a defect of the engine or of a rule, never a
 * verdict on the claim. Its message and its causes carry only the claim ID, the rule's name and
 * exception types with their stack frames: the original messages can hold claim content (a rule
 * that prints a fact, Drools listing the matched facts), so they are dropped before anything can
 * log them.
 */
public final class EngineErrorException extends RuntimeException {

    private final String claimId;
    private final String rule;

    public EngineErrorException(String claimId, Throwable failure) {
        super("the engine failed on claim " + claimId + ": " + failure.getClass().getSimpleName()
                + (ruleOf(failure) == null ? "" : " in rule \"" + ruleOf(failure) + "\""), Redacted.copy(failure));
        this.claimId = claimId;
        this.rule = ruleOf(failure);
    }

    /**
     * An engine error as a child process of an isolated ruleset reported it, or as stopping that
     * process made it: the message is already free of claim content, and there is no stack trace
     * of the rules to show.
     */
    EngineErrorException(String claimId, String message, String rule) {
        super(message, null, false, false); // the parent's stack says nothing about the rules
        this.claimId = claimId;
        this.rule = rule;
    }

    public String claimId() {
        return claimId;
    }

    /** The name of the rule whose consequence failed, when a rule's consequence failed. */
    public String rule() {
        return rule;
    }

    private static String ruleOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException c && c.getRule() != null) {
                return c.getRule().getName();
            }
        }
        return null;
    }

    /** A stand-in for an exception: its type's name and its stack frames, without its message. */
    static final class Redacted extends RuntimeException {

        private Redacted(Throwable original, Throwable cause) {
            super(original.getClass().getName() + " (message withheld)", cause, false, true);
            setStackTrace(original.getStackTrace());
        }

        static Redacted copy(Throwable original) {
            return copy(original, 0);
        }

        private static Redacted copy(Throwable original, int depth) {
            Throwable cause = original.getCause();
            Redacted redactedCause = cause == null || cause == original || depth > 20 ? null : copy(cause, depth + 1);
            return new Redacted(original, redactedCause);
        }
    }
}
