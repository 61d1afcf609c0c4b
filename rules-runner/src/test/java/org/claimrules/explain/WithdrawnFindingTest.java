package org.claimrules.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RuleListener;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.facts.Finding;
import org.claimrules.scenario.Salience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding that a later derivation withdraws is not part of the result, and explain does not show
 * the firing that inserted it. The claim repeats an ablation with two earlier ones in its history.
 * The order is forced on an exported ruleset: the edits before every derivation, and the RFA
 * sessions from the history after every other derivation. So FJ-RFA-006 first fires against the
 * session the history lists first, the older one (30 % relief), and that finding is withdrawn when
 * the more recent session (no documented relief) is derived as the previous one.
 */
class WithdrawnFindingTest {

    private static final String PRIOR_RFA_SESSIONS = "Derive: an earlier session with intent RFA is an RFA session; "
            + "of two on one date and region, the one with documented relief";

    private static final Claim CLAIM = ClaimReader.read("""
            {"claimId":"C-W1","payer":{"profile":"COMMERCIAL_STRICT"},
             "billingProvider":{"npi":"1588594339","role":"PRACTITIONER","priorAuthExempt":false},"placeOfService":"19",
             "priorAuthorization":{"number":"UTN73703391379","decision":"AFFIRMED","decisionDate":"2026-03-05"},
             "patient":{"memberId":"M-W1","birthDate":"1984-06-17","sex":"M"},"diagnoses":["M47.813","M54.50"],
             "lines":[{"lineNumber":1,"procedureCode":"64633","modifiers":["RT"],"units":1,"serviceDate":"2026-04-22","charge":2002.54},
                      {"lineNumber":2,"procedureCode":"64634","modifiers":["RT"],"units":2,"serviceDate":"2026-04-22","charge":890.25}],
             "clinical":{"technique":"THERMAL_RF","imagingGuidance":"FLUOROSCOPY","levels":["C4-C5","C5-C6","C6-C7"],
                         "laterality":"RIGHT","painDurationMonths":26,"conservativeCareFailed":true,
                         "painScale":{"name":"NRS","baseline":6},"disabilityScale":{"name":"NDI","baseline":39},
                         "untreatedRadiculopathy":false},
             "history":[{"serviceDate":"2025-11-22","region":"CERVICAL_THORACIC","intent":"RFA","levels":["C5-C6"],
                         "reliefPercent":30,"reliefDurationWeeks":17},
                        {"serviceDate":"2026-02-22","region":"CERVICAL_THORACIC","intent":"RFA","levels":["C5-C6"]}]}
            """, 1).claim();

    @TempDir
    Path tmp;

    @Test
    void theFiringOfAWithdrawnFindingIsNotShown() throws Exception {
        Path rules = tmp.resolve("ordered");
        assertTrue(Salience.bundledWithEditRules(rules, 100) > 50);
        assertEquals(1, Salience.ofRule(rules, PRIOR_RFA_SESSIONS, -10));
        ClaimEngine engine = ClaimEngine.fromDirectory(rules);
        List<Finding> withdrawn = new ArrayList<>();
        engine.evaluate(CLAIM, List.of(), new RuleListener() {
            @Override
            public void fired(String ruleName, List<Object> matched, List<Object> inserted) {
            }

            @Override
            public void withdrawn(Object fact) {
                if (fact instanceof Finding f) {
                    withdrawn.add(f);
                }
            }
        });
        // what this test is about happens on this claim
        assertTrue(withdrawn.stream().anyMatch(f -> f.editId().equals("FJ-RFA-006")
                && f.message().contains("2025-11-22")), () -> "withdrawn: " + withdrawn);

        Explanation explanation = new Explainer(engine).explain(CLAIM);
        Explanation.EditReason rfa006 = explanation.edits().stream()
                .filter(e -> e.edit().editId().equals("FJ-RFA-006")).findFirst().orElseThrow();
        assertTrue(rfa006.edit().message().contains("2026-02-22"), rfa006.edit().message());
        assertEquals(1, rfa006.firings().size(), () -> "firings: " + rfa006.firings());
        String matched = rfa006.firings().get(0).matched().toString();
        assertTrue(matched.contains("radiofrequency ablation of 2026-02-22"), matched);
        assertFalse(matched.contains("radiofrequency ablation of 2025-11-22"), matched);
    }
}
