package org.claimrules.tables;

/** A problem in a data table, located for the analyst who fixes it. Line 0 means the whole file. */
public record TableProblem(String file, long line, String column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column != null ? " [" + column + "]" : "") + ": " + message;
    }
}
