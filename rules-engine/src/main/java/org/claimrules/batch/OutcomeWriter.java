package org.claimrules.batch;

import org.claimrules.model.result.Outcome;

/**
 * Turns one record's outcome into its output line (without the newline). Called on the scoring
 * threads, so implementations must be thread-safe. {@code recordText} is the record's text as
 * read (null for a record over the size limit), for writers that carry something of the input
 * into the output, such as where in an X12 file the claim was.
 */
@FunctionalInterface
public interface OutcomeWriter {

    /** The project's JSON result or error record, as claim-format.md describes. */
    OutcomeWriter JSON = (outcome, recordText) -> ChunkScorer.bytes(outcome);

    byte[] line(Outcome outcome, String recordText);
}
