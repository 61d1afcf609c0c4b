package org.claimrules.history;

/** The SQL that differs between the two databases the store runs on. */
enum Dialect {

    H2("MERGE INTO history_member (member_id, last_recorded) KEY (member_id) VALUES (?, CURRENT_TIMESTAMP)"),
    POSTGRESQL("INSERT INTO history_member (member_id, last_recorded) VALUES (?, CURRENT_TIMESTAMP)"
            + " ON CONFLICT (member_id) DO UPDATE SET last_recorded = EXCLUDED.last_recorded");

    /**
     * Inserts the member's row or updates it: either way the transaction holds the row's lock until
     * it ends, which is what serialises the writers of one member. One statement, so it batches.
     */
    final String lockMember;

    Dialect(String lockMember) {
        this.lockMember = lockMember;
    }

    /** How long this session waits for a row lock another transaction holds, before failing. */
    String lockTimeout(int seconds) {
        long ms = Math.max(1, seconds) * 1000L;
        return this == H2 ? "SET LOCK_TIMEOUT " + ms : "SET lock_timeout = " + ms;
    }

    static Dialect of(String productName) {
        return switch (productName) {
            case "H2" -> H2;
            case "PostgreSQL" -> POSTGRESQL;
            default -> throw new HistoryStoreException("the claims history runs on H2 or PostgreSQL, not " + productName);
        };
    }
}
