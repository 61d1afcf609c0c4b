package org.claimrules.engine;

/** A problem in a ruleset, located for the analyst who fixes it: file, line and column where known. */
public record RulesetProblem(String file, Long line, Long column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file == null ? "ruleset" : file);
        if (line != null && line > 0) {
            where.append(':').append(line);
            if (column != null && column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + message;
    }
}
