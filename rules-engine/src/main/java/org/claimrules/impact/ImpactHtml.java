package org.claimrules.impact;

import java.util.List;
import org.claimrules.model.result.Disposition;
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
                .append("text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".up{color:#a40000}.down{color:#1a6b1a}.muted{color:#777}\n")
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
                .append(card("expected payment change", ImpactText.signedMoney(r.expectedPayment().change())))
                .append("</div>\n");

        h.append("<h2>Dispositions</h2>\n<table><tr><th></th><th class=\"n\">before</th><th class=\"n\">after</th>")
                .append("<th class=\"n\">change</th></tr>\n");
        for (Disposition d : Disposition.values()) {
            int b = r.dispositionsBefore().get(d);
            int a = r.dispositionsAfter().get(d);
            h.append(row(d.name(), b, a));
        }
        if (r.errorRecordsBefore() + r.errorRecordsAfter() > 0) {
            h.append(row("error records", r.errorRecordsBefore(), r.errorRecordsAfter()));
        }
        h.append("</table>\n");

        h.append("<h2>Expected payment</h2>\n<p>").append(ImpactText.money(r.expectedPayment().before()))
                .append(" &rarr; ").append(ImpactText.money(r.expectedPayment().after())).append(" (<b>")
                .append(ImpactText.signedMoney(r.expectedPayment().change())).append("</b>)</p>\n");

        List<ImpactReport.EditCount> changedEdits = r.editCounts().stream().filter(e -> e.change() != 0).toList();
        h.append("<h2>Edits by edit ID</h2>\n");
        if (!changedEdits.isEmpty()) {
            h.append(chart(changedEdits));
        }
        h.append("<table><tr><th>edit</th><th class=\"n\">before</th><th class=\"n\">after</th><th class=\"n\">change</th></tr>\n");
        for (ImpactReport.EditCount e : r.editCounts()) {
            h.append(row(e.editId(), e.before(), e.after()));
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
                    h.append(" &rarr; <b>").append(Html.escape(c.dispositionAfter())).append("</b>");
                }
                h.append("</td><td>").append(Html.escape(String.join(", ", c.editsAdded())))
                        .append("</td><td>").append(Html.escape(String.join(", ", c.editsRemoved())))
                        .append("</td><td class=\"n\">").append(ImpactText.money(c.expectedPaymentBefore()))
                        .append(" &rarr; ").append(ImpactText.money(c.expectedPaymentAfter())).append("</td></tr>\n");
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

    private static String card(String label, String value) {
        return "<div class=\"card\"><b>" + Html.escape(value) + "</b>" + Html.escape(label) + "</div>";
    }

    private static String row(String label, int before, int after) {
        int change = after - before;
        String cls = change > 0 ? " up" : change < 0 ? " down" : " muted";
        return "<tr><td>" + Html.escape(label) + "</td><td class=\"n\">" + before + "</td><td class=\"n\">" + after
                + "</td><td class=\"n" + cls + "\">" + ImpactText.signed(change) + "</td></tr>\n";
    }

}
