package org.claimrules.model.result;

/** How an edit affects payment, from the strongest to the weakest. */
public enum Severity {
    /** Return to provider: the claim cannot be processed as sent. */
    RTP,
    /** The line is denied. */
    DENY,
    /** Pend the line for medical review. */
    REVIEW,
    /** Informational; payment not affected. */
    WARN
}
