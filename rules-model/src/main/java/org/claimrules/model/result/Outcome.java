package org.claimrules.model.result;

/** What the engine produces for each claim read: a result or an error record, never nothing. */
public sealed interface Outcome permits ClaimResult, ErrorRecord {

    String claimId();
}
