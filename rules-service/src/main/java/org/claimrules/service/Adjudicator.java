package org.claimrules.service;

import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.Evaluation;
import org.claimrules.batch.MemberHistory;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.MemberTransaction;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.ClaimResult;

/**
 * Scores one claim with its member's stored history, and records what it adds to that history.
 * The member is locked from reading the history to committing the record, so two claims of one
 * member scored at the same time are scored one after the other, each counting the other's
 * sessions when they are earlier: neither can slip under a cap because the other was not yet
 * recorded.
 */
final class Adjudicator {

    /** What scoring gave, and whether it was recorded in the history. */
    record Scored(ClaimResult result, boolean recorded) {
    }

    /** The request ran out of time before its claim was recorded: nothing was. */
    static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    private final ClaimEngine engine;
    private final HistoryStore store;

    /** {@code store} null: no history kept, each claim scored with the history it carries. */
    Adjudicator(ClaimEngine engine, HistoryStore store) {
        this.engine = engine;
        this.store = store;
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} past which nothing is recorded
     * @throws org.claimrules.engine.InvalidClaimException when the claim cannot be scored as sent
     * @throws org.claimrules.engine.EngineErrorException when the engine fails on the claim
     * @throws org.claimrules.history.HistoryStoreException when the history cannot be read or written
     */
    Scored score(Claim claim, boolean dryRun, long deadlineNanos) {
        String member = claim.memberId();
        if (store == null || member == null) {
            return new Scored(engine.evaluate(claim, List.of(), null).result(), false);
        }
        if (dryRun) {
            List<HistoryEntry> stored = store.forMember(member, claim.claimId());
            return new Scored(evaluate(claim, stored).result(), false);
        }
        try (MemberTransaction tx = store.lockMember(member, secondsLeft(deadlineNanos))) {
            Evaluation e = evaluate(claim, tx.history(claim.claimId()));
            ClaimResult result = e.result();
            tx.record(claim.claimId(), result.rulesetVersion(), result.disposition(), e.historyForLaterClaims());
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlineExceeded("the claim took longer than the request's time limit; nothing was recorded");
            }
            tx.commit();
            return new Scored(result, true);
        }
    }

    private Evaluation evaluate(Claim claim, List<HistoryEntry> stored) {
        return engine.evaluate(claim.withEarlierHistory(MemberHistory.countedBy(claim, stored)), List.of(), null);
    }

    private static int secondsLeft(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return (int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
