package org.claimrules.history;

import org.junit.jupiter.api.BeforeAll;

/** The same contract on the PostgreSQL server {@code .ci/run} starts (required on CI). */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    static String url;

    @BeforeAll
    static void database() {
        url = TestDatabases.postgres();
    }

    @Override
    HistoryStore openStore() {
        HistoryStore s = JdbcHistoryStore.open(url, 4);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM history_session");
            st.execute("DELETE FROM history_claim");
            st.execute("DELETE FROM history_member");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    @Override
    HistoryStore openSecondStore() {
        return JdbcHistoryStore.open(url, 4);
    }
}
