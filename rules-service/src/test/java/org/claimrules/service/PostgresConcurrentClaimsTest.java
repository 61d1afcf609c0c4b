package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.claimrules.history.HistoryStore;
import org.claimrules.history.JdbcHistoryStore;
import org.junit.jupiter.api.BeforeAll;

/** The race on the PostgreSQL server {@code .ci/run} starts (required on CI, skipped elsewhere without it). */
class PostgresConcurrentClaimsTest extends ConcurrentClaimsContract {

    static String url;

    @BeforeAll
    static void database() {
        url = System.getenv("CLAIMRULES_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CLAIMRULES_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL and sets it");
            }
            assumeTrue(false, "CLAIMRULES_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (they run on CI)");
        }
    }

    @Override
    HistoryStore openStore() {
        // Members are new to each run (their IDs carry the run), so the database need not be emptied.
        return JdbcHistoryStore.open(url, 8);
    }
}
