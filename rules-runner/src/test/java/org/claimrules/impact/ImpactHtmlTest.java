package org.claimrules.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.LineStatus;
import org.claimrules.model.result.Outcome;
import org.claimrules.model.result.Severity;
import org.junit.jupiter.api.Test;

/** The impact page colours a change by what it means, and says "no estimate" rather than 0.00. */
class ImpactHtmlTest {

    private static final ImpactReport.RulesetInfo RULES = new ImpactReport.RulesetInfo("bundled", "v");

    private static ClaimResult result(String id, Disposition d, List<Edit> edits, BigDecimal... allowed) {
        List<LineResult> lines = new java.util.ArrayList<>();
        for (int i = 0; i < allowed.length; i++) {
            lines.add(new LineResult(i + 1, allowed[i] == null ? LineStatus.DENIED : LineStatus.ALLOWED, allowed[i]));
        }
        return new ClaimResult(id, d, edits, lines, "v");
    }

    private static Edit edit(String id, Severity severity, int line) {
        return new Edit(id, line, severity, "X", null, null, null, "m", "r");
    }

    /** Baseline: two accepted claims; changed: one of them denied (a DENY edit and a warning more), less payment. */
    private static ImpactReport moreDenials() {
        BigDecimal fee = new BigDecimal("100.00");
        List<Outcome> before = List.of(result("C-1", Disposition.ACCEPT, List.of(), fee),
                result("C-2", Disposition.ACCEPT, List.of(), fee),
                result("C-3", Disposition.DENY, List.of(edit("FJ-A-001", Severity.DENY, 1)), (BigDecimal) null));
        List<Outcome> after = List.of(result("C-1", Disposition.DENY, List.of(edit("FJ-A-001", Severity.DENY, 1),
                        edit("FJ-W-001", Severity.WARN, 1)), (BigDecimal) null),
                result("C-2", Disposition.ACCEPT, List.of(), fee),
                result("C-3", Disposition.DENY, List.of(edit("FJ-A-001", Severity.DENY, 1), edit("FJ-W-001", Severity.WARN, 1)),
                        (BigDecimal) null));
        return ImpactAnalysis.compare("claims.jsonl", RULES, before, RULES, after);
    }

    /** The class of the change cell of the table row whose first cell starts with {@code label}. */
    private static String changeClass(String page, String label) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(label) + "[^<]*</td>(?:<td class=\"n\">[^<]*</td>){2}"
                + "<td class=\"n ([a-z]+)\">").matcher(page);
        assertTrue(m.find(), "a row for " + label);
        return m.group(1);
    }

    @Test
    void moreDenialsAndLessPaymentAreNotGreenAndFewerAccepted() {
        String page = ImpactHtml.render(moreDenials());
        assertEquals("worse", changeClass(page, "DENY"));
        assertEquals("worse", changeClass(page, "ACCEPT"), "fewer accepted claims");
        assertEquals("worse", changeClass(page, "FJ-A-001"), "a DENY edit firing more");
        assertEquals("muted", changeClass(page, "FJ-W-001"), "a warning firing more means nothing for payment");
        assertEquals("muted", changeClass(page, "RTP"), "unchanged");
        assertTrue(page.contains("<span class=\"worse\">-100.00</span>"), "less expected payment");
        assertTrue(page.contains("ACCEPT &rarr; <span class=\"worse\">DENY</span>"), "the claim got worse");
    }

    @Test
    void theOppositeChangeIsGreen() {
        ImpactReport worse = moreDenials();
        // the same runs swapped: fewer denials, more payment
        ImpactReport better = new ImpactReport(worse.input(), RULES, RULES, worse.claims(), 0, 0,
                worse.dispositionsAfter(), worse.dispositionsBefore(), List.of(),
                worse.editCounts().stream().map(e -> new ImpactReport.EditCount(e.editId(), e.severity(), e.after(),
                        e.before())).toList(),
                new ImpactReport.Money(worse.expectedPayment().after(), worse.expectedPayment().before()));
        String page = ImpactHtml.render(better);
        assertEquals("better", changeClass(page, "DENY"));
        assertEquals("better", changeClass(page, "ACCEPT"));
        assertEquals("better", changeClass(page, "FJ-A-001"));
        assertTrue(page.contains("<span class=\"better\">+100.00</span>"), "more expected payment");
    }

    @Test
    void aClaimWithoutAnyEstimateShowsNoEstimateNotZero() {
        ImpactReport report = moreDenials();
        ImpactReport.ClaimChange c3 = report.changedClaims().stream().filter(c -> c.claimId().equals("C-3")).findFirst()
                .orElseThrow();
        assertNull(c3.expectedPaymentBefore(), "no line of C-3 has an estimate");
        assertNull(c3.expectedPaymentAfter());
        String page = ImpactHtml.render(report);
        assertFalse(page.contains("0.00 &rarr; 0.00"), page);
        assertTrue(Pattern.compile("<td>C-3</td>.*?no estimate</span></td></tr>").matcher(page).find(), page);
        ImpactReport.ClaimChange c1 = report.changedClaims().stream().filter(c -> c.claimId().equals("C-1")).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("100.00").compareTo(c1.expectedPaymentBefore()));
        assertNull(c1.expectedPaymentAfter(), "denied: no estimate after");
        assertTrue(page.contains("100.00 &rarr; no estimate"), page);
    }
}
