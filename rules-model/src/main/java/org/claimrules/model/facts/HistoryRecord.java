package org.claimrules.model.facts;

import org.claimrules.model.HistoryEntry;

/**
 * What the claim being scored adds to the member's history: derived by the family's rules (which
 * sessions count for later claims is policy), read by the engine after the rules have run, and
 * handed to the member's later claims in a batch and to a history store.
 */
public record HistoryRecord(HistoryEntry entry) {
}
