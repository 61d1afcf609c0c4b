package org.claimrules.history;

import java.util.List;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.Disposition;

/**
 * The claims history: for each scored claim, the sessions that count for its member's later
 * claims. A claim recorded again under the same claim ID replaces what it recorded before (a
 * corrected claim), so a session is never counted twice. Every method is safe to call from any
 * number of threads, and writes of one member are serialised by the database (see
 * {@link #lockMember}), so they stay serialised across processes that share it.
 */
public interface HistoryStore extends AutoCloseable {

    /** Longest member ID the store holds; a longer one is refused. */
    int MAX_MEMBER_ID_CHARS = 255;

    /** The member's recorded sessions, oldest first, less those of {@code exceptClaimId} (may be null). */
    List<HistoryEntry> forMember(String memberId, String exceptClaimId);

    /** Records a scored claim, replacing whatever it recorded before, in one transaction. */
    void record(String claimId, String memberId, String rulesetVersion, Disposition disposition,
            List<HistoryEntry> entries);

    /** Records many scored claims in one transaction: all of them or, on any failure, none. */
    void recordAll(Iterable<ScoredClaim> claims);

    /** Removes a claim and its sessions; false when the store holds no such claim. */
    boolean voidClaim(String claimId);

    /** Removes every claim and session of the member and the member itself; returns the number of claims removed. */
    int purgeMember(String memberId);

    /**
     * Begins a transaction that holds the member's lock until it is committed or closed: read the
     * history, score, record, commit, and no other writer of that member can slip in between.
     *
     * @param timeoutSeconds how long to wait for another writer of the member to finish
     */
    MemberTransaction lockMember(String memberId, int timeoutSeconds);

    /** What the store is (for the health endpoint and logs): never the password. */
    String description();

    @Override
    void close();
}
