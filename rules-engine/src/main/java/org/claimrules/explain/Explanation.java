package org.claimrules.explain;

import java.util.List;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;

/** Why a claim got its edits: for each edit, the rule that recorded it and the facts it matched. */
public record Explanation(ClaimResult result, List<EditReason> edits) {

    /** One edit of the result and the rule firing(s) that recorded it. */
    public record EditReason(Edit edit, List<Firing> firings) {
    }

    /** A rule that fired, where it is written, and the facts its conditions matched. */
    public record Firing(String ruleName, String location, List<Fact> matched) {
    }

    /** A matched fact in plain words; a derived fact also says which rule derived it and from what. */
    public record Fact(String description, Firing derivedBy) {
    }
}
