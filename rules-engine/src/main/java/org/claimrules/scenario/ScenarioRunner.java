package org.claimrules.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.Outcome;

/** Runs scenarios against an engine and says, for each, what differs from what was expected. */
public final class ScenarioRunner {

    private final ClaimEngine engine;

    public ScenarioRunner(ClaimEngine engine) {
        this.engine = engine;
    }

    /** The result of one scenario: no differences means it passed. {@code outcomes}: one per case, in order. */
    public record Result(Scenario scenario, List<String> differences, List<Outcome> outcomes) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    public Result run(Scenario scenario) {
        List<ClaimReader.Read> records = new ArrayList<>();
        for (int i = 0; i < scenario.cases().size(); i++) {
            records.add(new ClaimReader.Read(i + 1, scenario.cases().get(i).claim(), null));
        }
        Set<String> known = Set.copyOf(engine.ruleset().catalog().editIds());
        List<Outcome> outcomes = new BatchScorer(engine, 1).score(records);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ScenarioCase c = scenario.cases().get(i);
            if (c.expect() != null) {
                Set<Expectation.ExpectedEdit> unknown = unknownEdits(c, known, differences);
                compare(outcomes.get(i), c.expect(), unknown, differences);
            }
        }
        return new Result(scenario, differences, outcomes);
    }

    /**
     * An expected edit ID that no rule of the ruleset declares is a mistake in the scenario (a typo,
     * or a rule renamed), not an edit that "did not fire": it is reported as such, by field.
     */
    private static Set<Expectation.ExpectedEdit> unknownEdits(ScenarioCase c, Set<String> known, List<String> differences) {
        Set<Expectation.ExpectedEdit> unknown = new java.util.HashSet<>();
        List<Expectation.ExpectedEdit> edits = c.expect().edits();
        for (int i = 0; i < edits.size(); i++) {
            String id = edits.get(i).editId();
            if (!known.contains(id)) {
                unknown.add(edits.get(i));
                differences.add(c.field("expect.edits[" + i + "].editId") + ": " + id
                        + " is not an edit of this ruleset (no rule declares @editId(\"" + id + "\"))");
            }
        }
        return unknown;
    }

    static void compare(Outcome outcome, Expectation expect, Set<Expectation.ExpectedEdit> unknown,
            List<String> differences) {
        String claim = "claim " + outcome.claimId() + ": ";
        if (outcome instanceof ErrorRecord e) {
            differences.add(claim + "expected a result, got error " + e.error().code() + " at "
                    + e.error().field() + ": " + e.error().message());
            return;
        }
        ClaimResult result = (ClaimResult) outcome;
        if (expect.disposition() != null && expect.disposition() != result.disposition()) {
            differences.add(claim + "disposition expected " + expect.disposition() + ", got " + result.disposition());
        }
        Set<Expectation.ExpectedEdit> expected = new LinkedHashSet<>(expect.edits());
        Set<Expectation.ExpectedEdit> actual = new LinkedHashSet<>();
        for (Edit e : result.edits()) {
            actual.add(new Expectation.ExpectedEdit(e.editId(), e.lineNumber()));
        }
        for (Expectation.ExpectedEdit e : expected) {
            if (!actual.contains(e) && !unknown.contains(e)) {
                differences.add(claim + "expected " + e + ", it did not fire");
            }
        }
        for (Edit e : result.edits()) {
            Expectation.ExpectedEdit key = new Expectation.ExpectedEdit(e.editId(), e.lineNumber());
            if (!expected.contains(key)) {
                differences.add(claim + "unexpected " + key + ": " + e.message());
            }
        }
        for (Expectation.ExpectedLine line : expect.lines()) {
            LineResult got = result.lines().stream().filter(l -> l.lineNumber() == line.lineNumber())
                    .findFirst().orElse(null);
            if (got == null) {
                differences.add(claim + "line " + line.lineNumber() + " is not in the result");
                continue;
            }
            if (line.status() != null && line.status() != got.status()) {
                differences.add(claim + "line " + line.lineNumber() + " status expected " + line.status()
                        + ", got " + got.status());
            }
            if (line.expectedAllowed() != null && (got.expectedAllowed() == null
                    || line.expectedAllowed().compareTo(got.expectedAllowed()) != 0)) {
                differences.add(claim + "line " + line.lineNumber() + " expectedAllowed expected "
                        + line.expectedAllowed() + ", got " + got.expectedAllowed());
            }
            if (line.noEstimate() && got.expectedAllowed() != null) {
                differences.add(claim + "line " + line.lineNumber() + " expected no expectedAllowed, got "
                        + got.expectedAllowed());
            }
        }
    }
}
