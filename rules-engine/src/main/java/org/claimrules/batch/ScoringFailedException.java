package org.claimrules.batch;

/**
 * The run cannot go on: a worker (or the reading thread) failed with something other than a bad
 * record, an Error included (out of memory, a stack overflow outside the rules). It carries how
 * far the run got, so that what was written can be kept, and a message without claim data: the
 * failure's type, and its message only for the JVM's own errors, whose messages are the JVM's.
 */
public final class ScoringFailedException extends RuntimeException {

    private final transient ScoringPipeline.Outcome soFar;

    ScoringFailedException(String what, Throwable cause) {
        this(what + ": " + describe(cause), cause, null);
    }

    private ScoringFailedException(String message, Throwable cause, ScoringPipeline.Outcome soFar) {
        super(message, cause);
        this.soFar = soFar;
    }

    ScoringFailedException with(ScoringPipeline.Outcome outcome) {
        return new ScoringFailedException(getMessage(), getCause(), outcome);
    }

    /** How far the run got before it failed; null when it failed before the first record. */
    public ScoringPipeline.Outcome soFar() {
        return soFar;
    }

    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "): give Java more heap (-Xmx) or a lower --memory-budget";
        }
        if (t instanceof VirtualMachineError && t.getMessage() != null) {
            return t.getClass().getSimpleName() + " (" + t.getMessage() + ")";
        }
        return t.getClass().getSimpleName();
    }
}
