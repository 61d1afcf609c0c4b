package org.claimrules.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;
import org.claimrules.model.result.Disposition;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The history store on a JDBC database (H2 or PostgreSQL), its schema created and upgraded by the
 * Flyway migrations in {@code org/claimrules/history/migration}. The writers of one member take
 * the lock of the member's row first (see {@link Dialect#lockMember}), so they queue up whether
 * they are threads of this process or other processes on the same database.
 */
public final class JdbcHistoryStore implements HistoryStore {

    /** Seconds a write waits for another writer of the same member when the caller gives no bound. */
    static final int DEFAULT_LOCK_SECONDS = 30;
    /** Claims written per JDBC batch by {@link #recordAll}. */
    private static final int BATCH_CLAIMS = 500;

    private static final ObjectMapper LEVELS = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private static final String SELECT_HISTORY = "SELECT s.service_date, s.region, s.intent, s.levels, s.family,"
            + " s.procedure_code, s.claim_id FROM history_session s JOIN history_claim c ON c.claim_id = s.claim_id"
            + " WHERE c.member_id = ? AND c.claim_id <> ? ORDER BY s.service_date, s.claim_id, s.seq";
    private static final String DELETE_SESSIONS = "DELETE FROM history_session WHERE claim_id = ?";
    private static final String DELETE_CLAIM = "DELETE FROM history_claim WHERE claim_id = ?";
    private static final String INSERT_CLAIM = "INSERT INTO history_claim (claim_id, member_id, ruleset_version,"
            + " disposition, recorded_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)";
    private static final String INSERT_SESSION = "INSERT INTO history_session (claim_id, seq, service_date, region,"
            + " intent, levels, family, procedure_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private JdbcHistoryStore(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens the database at {@code jdbcUrl}, creating it (H2) and its tables on first use.
     *
     * @param connections the most connections held at once: one per concurrent writer is enough
     */
    public static JdbcHistoryStore open(String jdbcUrl, int connections) {
        HikariConfig config = new HikariConfig();
        // The password goes to the driver as a property, so that no log line that quotes the URL
        // (the pool's, Flyway's) can carry it.
        config.setJdbcUrl(withoutSecrets(jdbcUrl));
        String password = parameter(jdbcUrl, "password");
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(Math.max(2, connections));
        config.setMinimumIdle(1);
        config.setPoolName("claimrules-history");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Dialect dialect;
            try (Connection c = pool.getConnection()) {
                dialect = Dialect.of(c.getMetaData().getDatabaseProductName());
            }
            Flyway.configure().dataSource(pool).locations("classpath:org/claimrules/history/migration")
                    .table("history_schema_version").failOnMissingLocations(true).load().migrate();
            return new JdbcHistoryStore(pool, dialect, withoutSecrets(jdbcUrl));
        } catch (SQLException e) {
            pool.close();
            throw new HistoryStoreException("cannot open the claims history at " + withoutSecrets(jdbcUrl)
                    + ": " + firstLine(e.getMessage()));
        } catch (FlywayException | HistoryStoreException e) {
            pool.close();
            throw new HistoryStoreException("cannot open the claims history at " + withoutSecrets(jdbcUrl)
                    + ": " + firstLine(e.getMessage()));
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<HistoryEntry> forMember(String memberId, String exceptClaimId) {
        try (Connection c = pool.getConnection()) {
            return history(c, memberId, exceptClaimId);
        } catch (SQLException e) {
            throw new HistoryStoreException("reading the claims history failed", e);
        }
    }

    @Override
    public void record(String claimId, String memberId, String rulesetVersion, Disposition disposition,
            List<HistoryEntry> entries) {
        try (MemberTransaction tx = lockMember(memberId, DEFAULT_LOCK_SECONDS)) {
            tx.record(claimId, rulesetVersion, disposition, entries);
            tx.commit();
        }
    }

    @Override
    public void recordAll(Iterable<ScoredClaim> claims) {
        try (Connection c = pool.getConnection()) {
            begin(c, DEFAULT_LOCK_SECONDS * 4);
            try {
                Iterator<ScoredClaim> it = claims.iterator();
                while (it.hasNext()) {
                    // Last one wins within a batch, as it does across batches of the transaction.
                    Map<String, ScoredClaim> batch = new LinkedHashMap<>();
                    while (it.hasNext() && batch.size() < BATCH_CLAIMS) {
                        ScoredClaim s = it.next();
                        checkMember(s.memberId());
                        batch.remove(s.claimId());
                        batch.put(s.claimId(), s);
                    }
                    writeBatch(c, batch.values());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryStoreException("writing the run's claims to the claims history failed; nothing was written", e);
        }
    }

    private void writeBatch(Connection c, java.util.Collection<ScoredClaim> batch) throws SQLException {
        // Members in a stable order: two runs writing at once take their locks in the same order.
        TreeSet<String> members = new TreeSet<>();
        batch.forEach(s -> members.add(s.memberId()));
        try (PreparedStatement lock = c.prepareStatement(dialect.lockMember)) {
            for (String m : members) {
                lock.setString(1, m);
                lock.addBatch();
            }
            lock.executeBatch();
        }
        try (PreparedStatement sessions = c.prepareStatement(DELETE_SESSIONS);
                PreparedStatement claims = c.prepareStatement(DELETE_CLAIM)) {
            for (ScoredClaim s : batch) {
                sessions.setString(1, s.claimId());
                sessions.addBatch();
                claims.setString(1, s.claimId());
                claims.addBatch();
            }
            sessions.executeBatch();
            claims.executeBatch();
        }
        try (PreparedStatement claim = c.prepareStatement(INSERT_CLAIM);
                PreparedStatement session = c.prepareStatement(INSERT_SESSION)) {
            for (ScoredClaim s : batch) {
                addClaim(claim, session, s.claimId(), s.memberId(), s.rulesetVersion(), s.disposition(), s.entries());
            }
            claim.executeBatch();
            session.executeBatch();
        }
    }

    @Override
    public boolean voidClaim(String claimId) {
        String member;
        try (Connection c = pool.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT member_id FROM history_claim WHERE claim_id = ?")) {
            q.setString(1, claimId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                member = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new HistoryStoreException("reading the claims history failed", e);
        }
        try (Tx tx = (Tx) lockMember(member, DEFAULT_LOCK_SECONDS)) {
            int removed = tx.removeClaim(claimId);
            tx.commit();
            return removed > 0;
        }
    }

    @Override
    public int purgeMember(String memberId) {
        try (Tx tx = (Tx) lockMember(memberId, DEFAULT_LOCK_SECONDS)) {
            int claims = tx.purge();
            tx.commit();
            return claims;
        }
    }

    @Override
    public MemberTransaction lockMember(String memberId, int timeoutSeconds) {
        checkMember(memberId);
        Connection c = null;
        try {
            c = pool.getConnection();
            begin(c, timeoutSeconds);
            try (PreparedStatement lock = c.prepareStatement(dialect.lockMember)) {
                lock.setString(1, memberId);
                lock.executeUpdate();
            }
            return new Tx(c, memberId);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new HistoryStoreException("the member's claims history could not be locked", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private void begin(Connection c, int lockSeconds) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(dialect.lockTimeout(lockSeconds));
        }
        c.setAutoCommit(false);
    }

    private static List<HistoryEntry> history(Connection c, String memberId, String exceptClaimId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT_HISTORY)) {
            q.setString(1, memberId);
            q.setString(2, exceptClaimId == null ? "" : exceptClaimId);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getDate(1).toLocalDate(), Region.valueOf(rs.getString(2)),
                            Intent.valueOf(rs.getString(3)), levels(rs.getString(4)), null, null, rs.getString(7),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        }
    }

    private static void addClaim(PreparedStatement claim, PreparedStatement session, String claimId, String memberId,
            String rulesetVersion, Disposition disposition, List<HistoryEntry> entries) throws SQLException {
        claim.setString(1, claimId);
        claim.setString(2, memberId);
        claim.setString(3, rulesetVersion);
        claim.setString(4, disposition.name());
        claim.addBatch();
        int seq = 0;
        for (HistoryEntry e : entries) {
            session.setString(1, claimId);
            session.setInt(2, seq++);
            session.setDate(3, Date.valueOf(e.serviceDate()));
            session.setString(4, e.region().name());
            session.setString(5, e.intent().name());
            session.setString(6, levels(e.levels()));
            session.setString(7, e.family());
            session.setString(8, e.procedureCode());
            session.addBatch();
        }
    }

    private static List<String> levels(String json) {
        try {
            return LEVELS.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException("a stored session has unreadable levels");
        }
    }

    private static String levels(List<String> levels) {
        try {
            return LEVELS.writeValueAsString(levels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("levels could not be written as JSON", e);
        }
    }

    private static void checkMember(String memberId) {
        if (memberId == null || memberId.isEmpty()) {
            throw new IllegalArgumentException("a claim without a member ID has no history to record");
        }
        if (memberId.length() > MAX_MEMBER_ID_CHARS) {
            throw new IllegalArgumentException("a member ID of more than " + MAX_MEMBER_ID_CHARS
                    + " characters cannot be recorded in the claims history");
        }
    }

    /** The URL without its {@code password} parameter, fit for messages and logs. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "").replaceAll("\\?&", "?").replaceAll("[?&]$", "");
    }

    private static String parameter(String url, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)[?&;]" + name + "=([^&;]*)").matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: closing it is all that is left
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // as above
        }
    }

    /** A member's transaction on one pooled connection. */
    private final class Tx implements MemberTransaction {
        private final Connection c;
        private final String memberId;
        private boolean done;

        Tx(Connection c, String memberId) {
            this.c = c;
            this.memberId = memberId;
        }

        @Override
        public List<HistoryEntry> history(String exceptClaimId) {
            try {
                return JdbcHistoryStore.history(c, memberId, exceptClaimId);
            } catch (SQLException e) {
                throw new HistoryStoreException("reading the claims history failed", e);
            }
        }

        @Override
        public void record(String claimId, String rulesetVersion, Disposition disposition, List<HistoryEntry> entries) {
            try {
                removeClaim(claimId);
                try (PreparedStatement claim = c.prepareStatement(INSERT_CLAIM);
                        PreparedStatement session = c.prepareStatement(INSERT_SESSION)) {
                    addClaim(claim, session, claimId, memberId, rulesetVersion, disposition, entries);
                    claim.executeBatch();
                    if (!entries.isEmpty()) {
                        session.executeBatch();
                    }
                }
            } catch (SQLException e) {
                throw new HistoryStoreException("recording the claim in the claims history failed", e);
            }
        }

        int removeClaim(String claimId) {
            try (PreparedStatement sessions = c.prepareStatement(DELETE_SESSIONS);
                    PreparedStatement claim = c.prepareStatement(DELETE_CLAIM)) {
                sessions.setString(1, claimId);
                sessions.executeUpdate();
                claim.setString(1, claimId);
                return claim.executeUpdate();
            } catch (SQLException e) {
                throw new HistoryStoreException("removing the claim from the claims history failed", e);
            }
        }

        int purge() {
            try (PreparedStatement sessions = c.prepareStatement("DELETE FROM history_session WHERE claim_id IN"
                    + " (SELECT claim_id FROM history_claim WHERE member_id = ?)");
                    PreparedStatement claims = c.prepareStatement("DELETE FROM history_claim WHERE member_id = ?");
                    PreparedStatement member = c.prepareStatement("DELETE FROM history_member WHERE member_id = ?")) {
                sessions.setString(1, memberId);
                sessions.executeUpdate();
                claims.setString(1, memberId);
                int n = claims.executeUpdate();
                member.setString(1, memberId);
                member.executeUpdate();
                return n;
            } catch (SQLException e) {
                throw new HistoryStoreException("purging the member from the claims history failed", e);
            }
        }

        @Override
        public void commit() {
            try {
                c.commit();
                done = true;
            } catch (SQLException e) {
                throw new HistoryStoreException("committing to the claims history failed; nothing was recorded", e);
            }
        }

        @Override
        public void close() {
            if (!done) {
                closeQuietly(c);
                return;
            }
            try {
                c.close();
            } catch (SQLException e) {
                throw new HistoryStoreException("releasing a connection to the claims history failed", e);
            }
        }
    }
}
