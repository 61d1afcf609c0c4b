package org.claimrules.batch;

import java.io.IOException;

/** Writing the results failed (a full disk, a closed pipe): the output is not complete. */
public final class OutputFailedException extends IOException {

    public OutputFailedException(IOException cause) {
        this("", cause);
    }

    public OutputFailedException(String where, IOException cause) {
        super(where + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
}
