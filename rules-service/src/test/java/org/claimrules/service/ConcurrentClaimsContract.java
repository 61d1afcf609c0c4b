package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.history.HistoryStore;
import org.junit.jupiter.api.Test;

/**
 * Two claims of one member sent at the same time cannot both slip under the cap. Each member has
 * two sessions recorded; claim A has sessions on 03-16 and 04-20, claim B on 03-23 and 03-30 (cap:
 * 4 in 12 months). Scored one after the other, in either order, the later-scored claim counts the
 * other's sessions and has a session over the cap. Scored side by side, each reading the history
 * before the other recorded, neither would. The service shares one history between two servers
 * (two connection pools: for the database, two processes), and each pair is sent to both at once.
 */
abstract class ConcurrentClaimsContract {

    static final int MEMBERS = 12;

    abstract HistoryStore openStore();

    @Test
    void twoClaimsOfOneMemberScoredAtOnceCannotBothSlipUnderTheCap() throws Exception {
        ClaimEngine engine = ClaimEngine.bundled();
        ClaimServer one = ClaimServer.start(engine, openStore(), ClaimServer.Options.defaults(0));
        ClaimServer two = ClaimServer.start(engine, openStore(), ClaimServer.Options.defaults(0));
        ExecutorService pool = Executors.newFixedThreadPool(2 * MEMBERS);
        try {
            Http a = new Http(one.port());
            Http b = new Http(two.port());
            String run = Long.toString(System.nanoTime(), 36);
            for (int m = 0; m < MEMBERS; m++) {
                String member = "RACE-" + run + "-" + m;
                a.post("/v1/claims", TestClaims.diagnostic(member + "-S1", member, "2026-03-02"));
                a.post("/v1/claims", TestClaims.diagnostic(member + "-S2", member, "2026-03-09"));
            }
            CyclicBarrier together = new CyclicBarrier(2 * MEMBERS);
            List<Future<Http.Answer>> first = new ArrayList<>();
            List<Future<Http.Answer>> second = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                String member = "RACE-" + run + "-" + m;
                first.add(pool.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return a.post("/v1/claims", TestClaims.diagnostic(member + "-A", member, "2026-03-16", "2026-04-20"));
                }));
                second.add(pool.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return b.post("/v1/claims", TestClaims.diagnostic(member + "-B", member, "2026-03-23", "2026-03-30"));
                }));
            }
            for (int m = 0; m < MEMBERS; m++) {
                Http.Answer ra = first.get(m).get(120, TimeUnit.SECONDS);
                Http.Answer rb = second.get(m).get(120, TimeUnit.SECONDS);
                assertEquals(200, ra.status(), ra.body());
                assertEquals(200, rb.status(), rb.body());
                int over = (ra.editIds().contains(TestClaims.CAP_EDIT) ? 1 : 0)
                        + (rb.editIds().contains(TestClaims.CAP_EDIT) ? 1 : 0);
                assertEquals(1, over, "member " + m + ": exactly one of the two claims is over the cap\nA: "
                        + ra.body() + "\nB: " + rb.body());
            }
        } finally {
            pool.shutdownNow();
            one.stop();
            two.stop();
        }
    }
}
