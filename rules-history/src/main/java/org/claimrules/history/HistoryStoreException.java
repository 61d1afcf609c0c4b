package org.claimrules.history;

/**
 * The history store failed (unreachable, a lock not granted in time, a constraint). The message
 * never carries the database's own text, which can quote member IDs; the SQL state says what kind.
 */
public final class HistoryStoreException extends RuntimeException {

    private final String sqlState;

    public HistoryStoreException(String message, java.sql.SQLException cause) {
        super(message + (cause.getSQLState() == null ? "" : " (SQL state " + cause.getSQLState() + ")"));
        this.sqlState = cause.getSQLState();
        // The cause's message can quote the values of a statement: do not keep it for logs.
        setStackTrace(cause.getStackTrace());
    }

    public HistoryStoreException(String message) {
        super(message);
        this.sqlState = null;
    }

    /** The SQL state of the failure, when the database gave one. */
    public String sqlState() {
        return sqlState;
    }
}
