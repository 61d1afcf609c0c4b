package org.claimrules.scenario;

import java.util.List;

/**
 * A scenario file: one claim (or a batch of claims of one or more members) and what the engine
 * must answer for each. {@code file} is the path inside the ruleset, e.g.
 * {@code scenarios/<family>/<editId>/fires-when-something.json}.
 */
public record Scenario(String file, String description, List<ScenarioCase> cases) {
}
