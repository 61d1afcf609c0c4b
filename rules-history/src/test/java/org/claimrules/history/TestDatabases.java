package org.claimrules.history;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the store tests run on: an H2 file in a temporary folder, and the PostgreSQL
 * server that {@code .ci/run} starts on loopback, named by {@code CLAIMRULES_TEST_POSTGRES_URL}.
 * On CI ({@code CI=true}) a missing PostgreSQL fails the tests; elsewhere they are skipped.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_VARIABLE = "CLAIMRULES_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    public static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
    }

    /** The PostgreSQL URL, its history tables dropped so that each test class starts empty. */
    public static String postgres() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(POSTGRES_URL_VARIABLE + " is not set: .ci/run starts PostgreSQL and sets it; the PostgreSQL tests must run on CI");
            }
            assumeTrue(false, POSTGRES_URL_VARIABLE + " is not set: PostgreSQL tests skipped (they run on CI)");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS history_session, history_claim, history_member, history_schema_version");
        } catch (SQLException e) {
            fail("cannot reach the PostgreSQL of " + POSTGRES_URL_VARIABLE + ": " + e.getMessage());
        }
        return url;
    }
}
