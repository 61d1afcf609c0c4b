package org.claimrules.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimrules.model.HistoryEntry;

/**
 * A history store held in this JVM, for tests only: locations {@code test-history:NAME}, registered
 * before the job runs (local mode: the executors are this JVM). It records what the job asked for.
 */
public final class MapHistoryStoreProvider implements HistoryStoreProvider {

    static final String SCHEME = "test-history:";
    static final Map<String, Map<String, List<HistoryEntry>>> STORES = new ConcurrentHashMap<>();
    static final Set<String> ASKED = ConcurrentHashMap.newKeySet();
    static final AtomicInteger OPEN = new AtomicInteger();

    @Override
    public boolean accepts(String location) {
        return location.startsWith(SCHEME);
    }

    @Override
    public HistoryStore open(String location) {
        Map<String, List<HistoryEntry>> entries = STORES.get(location);
        if (entries == null) {
            throw new IllegalStateException("no test store " + location);
        }
        OPEN.incrementAndGet();
        return new HistoryStore() {
            @Override
            public Map<String, List<HistoryEntry>> forMembers(Set<String> memberIds) {
                ASKED.addAll(memberIds);
                Map<String, List<HistoryEntry>> found = new HashMap<>();
                for (String m : memberIds) {
                    if (entries.containsKey(m)) {
                        found.put(m, entries.get(m));
                    }
                }
                return found;
            }

            @Override
            public void close() {
                OPEN.decrementAndGet();
            }
        };
    }
}
