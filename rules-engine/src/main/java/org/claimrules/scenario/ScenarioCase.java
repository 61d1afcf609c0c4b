package org.claimrules.scenario;

import org.claimrules.model.Claim;

/**
 * One claim of a scenario and its expectation (null when the claim only provides history for
 * others). {@code where}: the item's place in its file, {@code batch[1]}, or empty for a
 * single-claim scenario; messages about the case start from it.
 */
public record ScenarioCase(Claim claim, Expectation expect, String where) {

    /** The path in the file of a field of this case, e.g. {@code batch[1].expect.edits[0].editId}. */
    public String field(String path) {
        return StrictFields.join(where, path);
    }
}
