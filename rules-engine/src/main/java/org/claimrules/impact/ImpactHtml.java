package org.claimrules.impact;

import java.math.BigDecimal;
import java.util.List;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Severity;
import org.claimrules.report.Html;

/**
 * The impact report as one self-contained HTML page (inline CSS and SVG, nothing fetched), for an
 * analyst to send to a manager.
 */
public final class ImpactHtml {

    private ImpactHtml() {
    }

    public static String render(ImpactReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>Ruleset change impact</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;")
                .append("max-width:60em;color:#222;line-height:1.4}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .8em;border-bottom:1px solid #eee;")
                .append("text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td:first-child{white-space:nowrap}\n")
                .append(".worse{color:#a40000;font-weight:600}.better{color:#1a6b1a;font-weight:600}.muted{color:#777}\n")
                .append(".cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em}")
                .append(".card b{display:block;font-size:1.4em}\ncode{font-size:.95em}\n</style></head><body>\n");
        h.append("<h1>Impact of a ruleset change</h1>\n");
        h.append("<p>").append(r.claims()).append(" claims from <code>").append(Html.escape(r.input()))
                .append("</code> scored twice.<br>Baseline: <code>").append(Html.escape(r.baseline().source()))
                .append("</code> <span class=\"muted\">(").append(Html.escape(r.baseline().version()))
                .append(")</span><br>Changed: <code>").append(Html.escape(r.changed().source()))
                .append("</code> <span class=\"muted\">(").append(Html.escape(r.changed().version())).append(")</span></p>\n");
        h.append("<div class=\"cards\">")
                .append(card("claims whose disposition changed", Long.toString(r.dispositionChanges())))
                .append(card("claims with any change", Integer.toString(r.changedClaims().size())))
                .append(card("expected payment change", ImpactText.signedMoney(r.expectedPayment().change()),
                        paymentMeaning(r.expectedPayment().change())))
                .append("</div>\n<p class=\"muted\">Changes in <span class=\"worse\">red</span> mean more denials, "
                        + "returns, reviews or error records, or less expected payment; in <span class=\"better\">green</span>, "
                        + "fewer, or more payment. Grey: no change, warnings, and PARTIAL and REVIEW counts (fewer of those may mean "
                        + "more claims accepted or more denied: see the claims below).</p>\n");

        h.append("<h2>Dispositions</h2>\n<table><tr><th></th><th class=\"n\">before</th><th class=\"n\">after</th>")
                .append("<th class=\"n\">change</th></tr>\n");
        for (Disposition d : Disposition.values()) {
            int b = r.dispositionsBefore().get(d);
            int a = r.dispositionsAfter().get(d);
            h.append(row(d.name(), b, a, direction(d)));
        }
        if (r.errorRecordsBefore() + r.errorRecordsAfter() > 0) {
            h.append(row("error records", r.errorRecordsBefore(), r.errorRecordsAfter(), Direction.MORE_IS_WORSE));
        }
        h.append("</table>\n");

        ImpactReport.Money payment = r.expectedPayment();
        h.append("<h2>Expected payment</h2>\n<p>");
        if (payment.before() == null && payment.after() == null) {
            h.append("No estimate in either run: no allowed line has a fee row.</p>\n");
        } else {
            h.append(ImpactText.money(payment.before())).append(" &rarr; ").append(ImpactText.money(payment.after()));
            if (payment.change() != null) {
                h.append(" (<span class=\"").append(paymentMeaning(payment.change())).append("\">")
                        .append(ImpactText.signedMoney(payment.change())).append("</span>)");
            }
            h.append("</p>\n");
        }

        List<ImpactReport.EditCount> changedEdits = r.editCounts().stream().filter(e -> e.change() != 0).toList();
        h.append("<h2>Edits by edit ID</h2>\n");
        if (!changedEdits.isEmpty()) {
            h.append(chart(changedEdits));
        }
        h.append("<table><tr><th>edit</th><th class=\"n\">before</th><th class=\"n\">after</th><th class=\"n\">change</th></tr>\n");
        for (ImpactReport.EditCount e : r.editCounts()) {
            h.append(row(e.editId() + (e.severity() == null ? "" : " (" + e.severity() + ")"), e.before(), e.after(),
                    e.severity() == Severity.WARN || e.severity() == null ? Direction.NEUTRAL : Direction.MORE_IS_WORSE));
        }
        h.append("</table>\n");

        h.append("<h2>Claims that changed</h2>\n");
        if (r.changedClaims().isEmpty()) {
            h.append("<p>None: every claim came back the same.</p>\n");
        } else {
            h.append("<table><tr><th>claim</th><th>disposition</th><th>edits added</th><th>edits removed</th>")
                    .append("<th class=\"n\">expected payment</th></tr>\n");
            for (ImpactReport.ClaimChange c : r.changedClaims()) {
                h.append("<tr><td>").append(Html.escape(c.claimId() == null ? "record " + c.position() : c.claimId()))
                        .append("</td><td>").append(Html.escape(c.dispositionBefore()));
                if (c.dispositionChanged()) {
                    h.append(" &rarr; <span class=\"").append(dispositionMeaning(c)).append("\">")
                            .append(Html.escape(c.dispositionAfter())).append("</span>");
                }
                h.append("</td><td>").append(Html.escape(String.join(", ", c.editsAdded())))
                        .append("</td><td>").append(Html.escape(String.join(", ", c.editsRemoved())))
                        .append("</td><td class=\"n\">").append(payment(c)).append("</td></tr>\n");
            }
            h.append("</table>\n<p class=\"muted\">Edits are written as edit ID @ line number.</p>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Horizontal bars, before (grey) and after (blue), for the edit IDs whose count changed. */
    private static String chart(List<ImpactReport.EditCount> edits) {
        int max = edits.stream().mapToInt(e -> Math.max(e.before(), e.after())).max().orElse(1);
        int label = 110;
        int width = 420;
        int rowHeight = 34;
        int height = edits.size() * rowHeight + 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(label + width + 60).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"Edit counts before and after\" ")
                .append("font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        int y = 4;
        for (ImpactReport.EditCount e : edits) {
            int wb = (int) Math.round((double) e.before() / Math.max(1, max) * width);
            int wa = (int) Math.round((double) e.after() / Math.max(1, max) * width);
            s.append("<text x=\"0\" y=\"").append(y + 18).append("\">").append(Html.escape(e.editId())).append("</text>\n");
            s.append("<rect x=\"").append(label).append("\" y=\"").append(y).append("\" width=\"").append(wb)
                    .append("\" height=\"12\" fill=\"#bbb\"/>");
            s.append("<text x=\"").append(label + wb + 4).append("\" y=\"").append(y + 10).append("\">")
                    .append(e.before()).append("</text>\n");
            s.append("<rect x=\"").append(label).append("\" y=\"").append(y + 14).append("\" width=\"").append(wa)
                    .append("\" height=\"12\" fill=\"#2f6db5\"/>");
            s.append("<text x=\"").append(label + wa + 4).append("\" y=\"").append(y + 24).append("\">")
                    .append(e.after()).append("</text>\n");
            y += rowHeight;
        }
        s.append("<rect x=\"").append(label).append("\" y=\"").append(y + 4).append("\" width=\"10\" height=\"10\" fill=\"#bbb\"/>")
                .append("<text x=\"").append(label + 14).append("\" y=\"").append(y + 13).append("\">before</text>")
                .append("<rect x=\"").append(label + 70).append("\" y=\"").append(y + 4).append("\" width=\"10\" height=\"10\" fill=\"#2f6db5\"/>")
                .append("<text x=\"").append(label + 84).append("\" y=\"").append(y + 13).append("\">after</text>\n");
        s.append("</svg>\n");
        return s.toString();
    }

    /** What a higher count means: more denials (worse), more accepted claims (better), or nothing (warnings). */
    private enum Direction { MORE_IS_WORSE, MORE_IS_BETTER, NEUTRAL }

    /** Dispositions from best to worst for the claim's payment; RTP ranks with DENY (neither pays). */
    private static final List<String> ADVERSITY = List.of("ACCEPT", "REVIEW", "PARTIAL", "DENY");

    private static String card(String label, String value, String meaning) {
        return "<div class=\"card\"><b class=\"" + meaning + "\">" + Html.escape(value) + "</b>" + Html.escape(label)
                + "</div>";
    }

    private static String card(String label, String value) {
        return card(label, value, "");
    }

    private static String row(String label, int before, int after, Direction direction) {
        int change = after - before;
        String cls = change == 0 || direction == Direction.NEUTRAL ? "muted"
                : (change > 0) == (direction == Direction.MORE_IS_WORSE) ? "worse" : "better";
        return "<tr><td>" + Html.escape(label) + "</td><td class=\"n\">" + before + "</td><td class=\"n\">" + after
                + "</td><td class=\"n " + cls + "\">" + ImpactText.signed(change) + "</td></tr>\n";
    }

    /** PARTIAL and REVIEW sit between: fewer of them may mean more accepted or more denied claims. */
    private static Direction direction(Disposition d) {
        return switch (d) {
            case ACCEPT -> Direction.MORE_IS_BETTER;
            case DENY, RTP -> Direction.MORE_IS_WORSE;
            default -> Direction.NEUTRAL;
        };
    }

    private static String paymentMeaning(BigDecimal change) {
        return change == null || change.signum() == 0 ? "muted" : change.signum() < 0 ? "worse" : "better";
    }

    /** An error record ranks below every result: the claim cannot be paid as sent. */
    private static String dispositionMeaning(ImpactReport.ClaimChange c) {
        int before = rank(c.dispositionBefore());
        int after = rank(c.dispositionAfter());
        return after > before ? "worse" : after < before ? "better" : "muted";
    }

    private static int rank(String disposition) {
        int i = ADVERSITY.indexOf("RTP".equals(disposition) ? "DENY" : disposition);
        return i < 0 ? ADVERSITY.size() : i;
    }

    /** "no estimate" where a run has none for the claim, never 0.00 &rarr; 0.00. */
    private static String payment(ImpactReport.ClaimChange c) {
        BigDecimal before = c.expectedPaymentBefore();
        BigDecimal after = c.expectedPaymentAfter();
        if (before == null && after == null) {
            return "<span class=\"muted\">no estimate</span>";
        }
        String text = ImpactText.money(before) + " &rarr; " + ImpactText.money(after);
        if (ImpactReport.sameAmount(before, after)) {
            return "<span class=\"muted\">" + text + "</span>";
        }
        BigDecimal change = (after == null ? BigDecimal.ZERO : after).subtract(before == null ? BigDecimal.ZERO : before);
        return "<span class=\"" + paymentMeaning(change) + "\">" + text + "</span>";
    }

}
