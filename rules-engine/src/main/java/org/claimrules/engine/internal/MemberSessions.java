package org.claimrules.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.claimrules.model.HistoryEntry;

/**
 * The sessions a member's claims record, indexed by date, so that a claim's in-batch history is
 * read from the days of its lookback window only, not from every sibling: what keeps a large
 * member's cost close to linear. For each date and (family, region, intent) it keeps each claim's
 * first entry, and gives a claim the entry of the first other claim in input order, as a scan of
 * the siblings in input order would.
 */
final class MemberSessions {

    private record Key(String family, String region, String intent) {
        static Key of(HistoryEntry h) {
            return new Key(String.valueOf(h.family()), String.valueOf(h.region()), String.valueOf(h.intent()));
        }
    }

    /** An entry of claim {@code owner}, at {@code position} in what it records. */
    private record Recorded(int owner, int position, HistoryEntry entry) {
    }

    private static final Comparator<Recorded> ORDER = Comparator
            .comparing((Recorded r) -> r.entry().serviceDate())
            .thenComparing(r -> String.valueOf(r.entry().claimId()))
            .thenComparingInt(Recorded::owner)
            .thenComparingInt(Recorded::position);

    private final NavigableMap<LocalDate, Map<Key, TreeMap<Integer, Recorded>>> byDate = new TreeMap<>();

    /** Claim {@code owner} now records {@code after} instead of {@code before}. */
    void replace(int owner, List<HistoryEntry> before, List<HistoryEntry> after) {
        for (HistoryEntry h : before) {
            Map<Key, TreeMap<Integer, Recorded>> day = byDate.get(h.serviceDate());
            TreeMap<Integer, Recorded> owners = day == null ? null : day.get(Key.of(h));
            if (owners != null) {
                owners.remove(owner);
                if (owners.isEmpty()) {
                    day.remove(Key.of(h));
                }
            }
        }
        for (int p = 0; p < after.size(); p++) {
            HistoryEntry h = after.get(p);
            byDate.computeIfAbsent(h.serviceDate(), d -> new HashMap<>())
                    .computeIfAbsent(Key.of(h), k -> new TreeMap<>()).putIfAbsent(owner, new Recorded(owner, p, h));
        }
    }

    /**
     * The sessions the claims other than {@code k} record before {@code date} within {@code months},
     * less those on {@code own} dates; one per date, family, region and intent, by date and claim ID.
     */
    List<HistoryEntry> before(int k, Set<LocalDate> own, LocalDate date, int months) {
        List<Recorded> chosen = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<Key, TreeMap<Integer, Recorded>>> day
                : byDate.subMap(date.minusMonths(months), true, date, false).entrySet()) {
            if (own.contains(day.getKey())) {
                continue;
            }
            for (TreeMap<Integer, Recorded> owners : day.getValue().values()) {
                Map.Entry<Integer, Recorded> first = owners.firstEntry();
                if (first != null && first.getKey() == k) {
                    first = owners.higherEntry(k);
                }
                if (first != null) {
                    chosen.add(first.getValue());
                }
            }
        }
        chosen.sort(ORDER);
        return chosen.stream().map(Recorded::entry).toList();
    }
}
