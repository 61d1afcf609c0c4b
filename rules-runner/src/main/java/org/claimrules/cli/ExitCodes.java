package org.claimrules.cli;

/** Exit statuses of every command (claim-format.md, "Command line"). */
public final class ExitCodes {

    /** Every claim produced a result; the command succeeded. */
    public static final int OK = 0;
    /** The batch completed but some records are error records (or some scenarios failed). */
    public static final int SOME_ERRORS = 1;
    /** Usage error: unknown option, unreadable input path. */
    public static final int USAGE = 2;
    /** The ruleset could not be loaded or is not valid. */
    public static final int RULESET = 3;

    /** The output could not be written (a full disk): nothing was left under the output's name. */
    public static final int OUTPUT_FAILED = 4;
    /** The claims history (--history) could not be opened. */
    public static final int HISTORY_UNAVAILABLE = 5;
    /** Stopped by a signal before the end: what was written is kept as {@code <output>.partial}. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
