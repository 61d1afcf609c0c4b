package org.claimrules.scenario;

import org.claimrules.model.Claim;

/** One claim of a scenario and its expectation (null when the claim only provides history for others). */
public record ScenarioCase(Claim claim, Expectation expect) {
}
