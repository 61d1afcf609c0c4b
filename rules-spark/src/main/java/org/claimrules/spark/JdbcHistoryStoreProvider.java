package org.claimrules.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.history.HistoryLocation;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.model.HistoryEntry;

/**
 * The claims history of {@code claimrules score --history} and {@code serve} (an H2 file or a
 * PostgreSQL database, by JDBC URL), read by the job: each executor opens one connection pool per
 * partition and asks for the members of each block. The job only reads; it records nothing.
 */
public final class JdbcHistoryStoreProvider implements HistoryStoreProvider {

    @Override
    public boolean accepts(String location) {
        return location.startsWith("jdbc:h2:") || location.startsWith("jdbc:postgresql:");
    }

    @Override
    public HistoryStore open(String location) {
        JdbcHistoryStore store = JdbcHistoryStore.open(HistoryLocation.parse(location), 2);
        return new HistoryStore() {
            @Override
            public Map<String, List<HistoryEntry>> forMembers(Set<String> memberIds) {
                Map<String, List<HistoryEntry>> found = new HashMap<>();
                for (String member : memberIds) {
                    if (member.length() <= org.claimrules.history.HistoryStore.MAX_MEMBER_ID_CHARS) {
                        List<HistoryEntry> entries = store.forMember(member, null);
                        if (!entries.isEmpty()) {
                            found.put(member, entries);
                        }
                    }
                }
                return found;
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }
}
