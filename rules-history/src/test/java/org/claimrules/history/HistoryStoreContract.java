package org.claimrules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;
import org.claimrules.model.result.Disposition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every history store does, run on each database. */
abstract class HistoryStoreContract {

    static final String VERSION = "2026.11.0-test";

    HistoryStore store;

    /** A store on a fresh, empty database. */
    abstract HistoryStore openStore();

    /** A second store on the same database: as far as the database can tell, another process. */
    abstract HistoryStore openSecondStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static HistoryEntry session(String date, Intent intent, String claimId, String... levels) {
        return new HistoryEntry(LocalDate.parse(date), Region.LUMBAR_SACRAL, intent, List.of(levels), null, null,
                claimId, "facet", "64493");
    }

    @Test
    void aRecordedClaimIsReadBackAsTheMembersHistoryWithEveryField() {
        HistoryEntry e = session("2026-01-05", Intent.DIAGNOSTIC, "C-1", "L4-L5", "L5-S1");
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(e));

        assertEquals(List.of(e), store.forMember("M-1", null));
        assertEquals(List.of(), store.forMember("M-2", null), "another member sees nothing");
    }

    @Test
    void historyExceptAClaimLeavesOutThatClaimOnly() {
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        store.record("C-2", "M-1", VERSION, Disposition.REVIEW, List.of(session("2026-02-05", Intent.DIAGNOSTIC, "C-2")));

        List<HistoryEntry> except = store.forMember("M-1", "C-2");
        assertEquals(List.of("C-1"), except.stream().map(HistoryEntry::claimId).toList());
        assertEquals(2, store.forMember("M-1", null).size());
    }

    @Test
    void aClaimRecordedAgainReplacesItsSessionsAndNeverCountsTwice() {
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(
                session("2026-01-05", Intent.DIAGNOSTIC, "C-1"), session("2026-01-19", Intent.DIAGNOSTIC, "C-1")));
        HistoryEntry corrected = session("2026-01-06", Intent.DIAGNOSTIC, "C-1", "L3-L4");
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(corrected));

        assertEquals(List.of(corrected), store.forMember("M-1", null));
    }

    @Test
    void aClaimRecordedWithNoSessionsRemovesWhatItRecordedBefore() {
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        store.record("C-1", "M-1", VERSION, Disposition.DENY, List.of());

        assertEquals(List.of(), store.forMember("M-1", null));
    }

    @Test
    void voidingAClaimRemovesItsSessions() {
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        store.record("C-2", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-02-05", Intent.DIAGNOSTIC, "C-2")));

        assertTrue(store.voidClaim("C-1"));
        assertFalse(store.voidClaim("C-1"), "a claim voided once is no longer there");
        assertFalse(store.voidClaim("NEVER-SEEN"));
        assertEquals(List.of("C-2"), store.forMember("M-1", null).stream().map(HistoryEntry::claimId).toList());
    }

    @Test
    void purgingAMemberRemovesAllOfTheirClaimsAndNoOneElses() {
        store.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        store.record("C-2", "M-1", VERSION, Disposition.DENY, List.of());
        store.record("C-3", "M-2", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.RFA, "C-3")));

        assertEquals(2, store.purgeMember("M-1"));
        assertEquals(List.of(), store.forMember("M-1", null));
        assertEquals(1, store.forMember("M-2", null).size());
        assertEquals(0, store.purgeMember("M-1"));
    }

    @Test
    void recordAllWritesEveryClaimOrNone() {
        List<ScoredClaim> claims = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            claims.add(new ScoredClaim("B-" + i, "M-" + (i % 7), VERSION, Disposition.ACCEPT,
                    List.of(session("2026-01-05", Intent.DIAGNOSTIC, "B-" + i))));
        }
        store.recordAll(claims);
        assertEquals(1200 / 7 + 1, store.forMember("M-0", null).size());

        // A run that fails part way (here its claims stop coming after 700) leaves the store as it was.
        store.record("B-1", "M-1", VERSION, Disposition.DENY, List.of());
        Iterable<ScoredClaim> failing = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ScoredClaim next() {
                if (i == 700) {
                    throw new IllegalStateException("the run's spool could not be read");
                }
                int n = i++;
                return new ScoredClaim("F-" + n, "M-1", VERSION, Disposition.ACCEPT,
                        List.of(session("2026-03-05", Intent.DIAGNOSTIC, "F-" + n)));
            }
        };
        int before = store.forMember("M-1", null).size();
        assertThrows(IllegalStateException.class, () -> store.recordAll(failing));
        assertEquals(before, store.forMember("M-1", null).size());
    }

    @Test
    void recordAllKeepsTheLastOfAClaimSentTwiceInOneRun() {
        store.recordAll(List.of(
                new ScoredClaim("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1"))),
                new ScoredClaim("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-09", Intent.DIAGNOSTIC, "C-1")))));

        assertEquals(List.of(LocalDate.parse("2026-01-09")),
                store.forMember("M-1", null).stream().map(HistoryEntry::serviceDate).toList());
    }

    @Test
    void aMembersTransactionRecordsNothingUntilCommitted() {
        try (MemberTransaction tx = store.lockMember("M-1", 5)) {
            tx.record("C-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        }
        assertEquals(List.of(), store.forMember("M-1", null));
    }

    @Test
    void aSecondWriterOfTheSameMemberWaitsUntilTheFirstCommits() throws Exception {
        try (HistoryStore other = openSecondStore()) {
            assertWritersQueue(store, other);
        }
    }

    @Test
    void writersOfDifferentMembersDoNotWaitForEachOther() throws Exception {
        try (MemberTransaction first = store.lockMember("M-1", 5)) {
            try (MemberTransaction second = store.lockMember("M-2", 5)) {
                second.record("C-2", VERSION, Disposition.ACCEPT, List.of());
                second.commit();
            }
            first.commit();
        }
    }

    @Test
    void aMemberLockNotGrantedInTimeIsAStoreError() {
        try (MemberTransaction first = store.lockMember("M-1", 5)) {
            HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> store.lockMember("M-1", 1));
            assertFalse(e.getMessage().contains("M-1"), "the message does not carry the member ID: " + e.getMessage());
        }
    }

    @Test
    void memberIdsTooLongToHoldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.record("C-1", "M".repeat(256), VERSION,
                Disposition.ACCEPT, List.of()));
    }

    /**
     * The first writer holds the member while the second tries to take it: the second may only
     * read the history once the first has committed, and then it sees the first's session.
     */
    static void assertWritersQueue(HistoryStore a, HistoryStore b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstHolds = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);
            AtomicBoolean firstCommitted = new AtomicBoolean();
            Future<?> first = pool.submit(() -> {
                try (MemberTransaction tx = a.lockMember("M-Q", 30)) {
                    firstHolds.countDown();
                    secondStarted.await();
                    // Leave the second writer time to slip in, were the lock not held.
                    Thread.sleep(300);
                    tx.record("Q-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "Q-1")));
                    firstCommitted.set(true);
                    tx.commit();
                }
                return null;
            });
            assertTrue(firstHolds.await(30, TimeUnit.SECONDS));
            Future<List<HistoryEntry>> second = pool.submit(() -> {
                secondStarted.countDown();
                try (MemberTransaction tx = b.lockMember("M-Q", 30)) {
                    assertTrue(firstCommitted.get(), "the second writer got the member before the first committed");
                    List<HistoryEntry> seen = tx.history("Q-2");
                    tx.record("Q-2", VERSION, Disposition.ACCEPT, List.of());
                    tx.commit();
                    return seen;
                }
            });
            first.get(60, TimeUnit.SECONDS);
            assertEquals(List.of("Q-1"), second.get(60, TimeUnit.SECONDS).stream().map(HistoryEntry::claimId).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
