package org.claimrules.history;

import java.util.List;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.Disposition;

/**
 * One member's history, locked against every other writer of the member until {@link #commit} or
 * {@link #close}. Closing without committing records nothing.
 */
public interface MemberTransaction extends AutoCloseable {

    /** The member's recorded sessions, oldest first, less those of {@code exceptClaimId} (may be null). */
    List<HistoryEntry> history(String exceptClaimId);

    /** Records the claim, replacing what it recorded before; visible to others once committed. */
    void record(String claimId, String rulesetVersion, Disposition disposition, List<HistoryEntry> entries);

    void commit();

    /** Rolls back what was not committed and releases the lock. */
    @Override
    void close();
}
