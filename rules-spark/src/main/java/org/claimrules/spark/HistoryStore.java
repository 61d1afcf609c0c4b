package org.claimrules.spark;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.model.HistoryEntry;

/**
 * The claims history store as the job reads it: opened once per partition on the executor, asked
 * for the members of each block of claims, closed when the partition ends. Each claim of a member
 * is scored with the member's entries before its own {@code history}
 * ({@link org.claimrules.model.Claim#withEarlierHistory}).
 */
public interface HistoryStore extends AutoCloseable {

    /** The earlier sessions the store knows for each of {@code memberIds}; a member with none may be absent. */
    Map<String, List<HistoryEntry>> forMembers(Set<String> memberIds);

    @Override
    void close();
}
