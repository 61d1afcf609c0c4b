package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.claimrules.batch.OutputFailedException;
import org.claimrules.batch.ScoringFailedException;
import org.claimrules.engine.RulesetException;

/**
 * Exit statuses of every command (claim-format.md, "Command line", and README "Exit status"), and
 * the one place where an exception that reached the command line becomes one: a plain message on
 * standard error, never a stack trace, and the status that says what happened.
 */
public final class ExitCodes {

    /** Every claim produced a result; the command succeeded. */
    public static final int OK = 0;
    /** The batch completed but some records are error records (or some scenarios failed). */
    public static final int SOME_ERRORS = 1;
    /** Usage error: unknown option, unreadable input path. */
    public static final int USAGE = 2;
    /** The ruleset could not be loaded or is not valid. */
    public static final int RULESET = 3;

    /** The output could not be written (a full disk, a closed pipe): the output is not complete. */
    public static final int OUTPUT_FAILED = 4;
    /** The run failed: out of memory, or a defect of claimrules; the message says which. */
    public static final int RUN_FAILED = 5;
    /** The claims history (--history) could not be opened, or a completed run could not be recorded in it. */
    public static final int HISTORY_UNAVAILABLE = 6;
    /** Stopped by Ctrl-C (SIGINT) before the end: what was written is kept as {@code <output>.partial}. */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM before the end, likewise. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** Reports a failure that no command handled on {@code err} and returns its status. */
    static int forFailure(Throwable t, PrintWriter err) {
        int status;
        String message;
        if (t instanceof OutputFailedException) {
            status = OUTPUT_FAILED;
            message = "writing the output failed: " + t.getMessage();
        } else if (t instanceof RulesetException r) {
            status = RULESET;
            message = "the ruleset cannot be loaded: " + r.problems().size() + " problem(s), the first: "
                    + (r.problems().isEmpty() ? r.getMessage() : r.problems().get(0));
        } else if (t instanceof NoSuchFileException e) {
            status = USAGE;
            message = "no such file: " + e.getFile();
        } else if (t instanceof AccessDeniedException e) {
            status = USAGE;
            message = "permission denied: " + e.getFile();
        } else if (t instanceof IOException || t instanceof UncheckedIOException) {
            // Reading an input or ruleset file: the message is the file system's, about the path.
            status = USAGE;
            message = "cannot read: " + (t instanceof UncheckedIOException u ? u.getCause() : t).getMessage();
        } else if (t instanceof ScoringFailedException) {
            status = RUN_FAILED;
            message = "the run failed: " + t.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            status = RUN_FAILED;
            message = "the run failed: out of memory (" + t.getMessage()
                    + "): give Java more heap (java -Xmx...) or use smaller inputs";
        } else if (t instanceof StackOverflowError) {
            status = RUN_FAILED;
            message = "the run failed: stack overflow (java -Xss... raises the limit)";
        } else {
            // Not expected: a defect. Its message could hold input data, so only its type is shown.
            status = RUN_FAILED;
            message = "the run failed: internal error (" + t.getClass().getName() + "); please report it";
        }
        err.println("claimrules: " + message);
        err.flush();
        return status;
    }
}
