package org.claimrules.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.claimrules.model.result.Disposition;

/**
 * {@code score --report}: one self-contained HTML page (inline CSS and SVG, no script, no network)
 * with the batch's dispositions, error records by code, edits by family, and the top edits by
 * count and by denied amount, each edit with its title and every count with its share.
 */
public final class HtmlReport {

    private static final int TOP = 15;
    private static final String[] DISPOSITION_COLOURS = {"#8e44ad", "#c0392b", "#e67e22", "#f1c40f", "#27ae60"};

    private HtmlReport() {
    }

    public static String render(BatchSummary s, String title) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}")
                .append(".meta{color:#555}.warn{background:#fdecea;border:1px solid #c0392b;padding:.6rem 1rem;border-radius:4px}")
                .append(".note{color:#555;max-width:52rem}")
                .append("table.kv{border-collapse:collapse;margin-top:1rem}table.kv td{padding:.2rem 1.2rem .2rem 0}")
                .append("table.kv td:first-child{color:#555}.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem 2.5rem}")
                .append("table.list{border-collapse:collapse;width:100%}table.list th,table.list td{padding:.25rem .6rem;")
                .append("border-bottom:1px solid #eee;text-align:left}table.list th{font-weight:600;color:#555}")
                .append(".n{text-align:right!important;font-variant-numeric:tabular-nums;white-space:nowrap}")
                .append("table.list td:first-child{white-space:nowrap}td.bar{width:22%}td.bar span{display:block;height:12px;border-radius:2px}")
                .append("svg text{font-size:12px;fill:#222}</style></head><body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        h.append("<p class=\"meta\">Ruleset ").append(Html.escape(s.rulesetVersion())).append("</p>\n");
        if (!s.complete()) {
            h.append("<p class=\"warn\">This run did not finish (stopped while ")
                    .append(Html.escape(s.stoppedAt().toLowerCase(Locale.ROOT))).append("): ")
                    .append(num(s.recordsWritten())).append(" of ").append(num(s.claimsRead()))
                    .append(" records were written. The counts cover the claims scored.</p>\n");
        }
        h.append("<table class=\"kv\">");
        row(h, "Claims read", num(s.claimsRead()));
        row(h, "Results", num(s.results()) + share(s.results(), s.claimsRead(), "of claims read"));
        row(h, "Error records", num(s.errorRecords()) + share(s.errorRecords(), s.claimsRead(), "of claims read"));
        row(h, "Billed charges", money(s.billedCharges()));
        row(h, "Denied charges", money(s.deniedCharges())
                + share(s.deniedCharges().doubleValue(), s.billedCharges().doubleValue(), "of billed charges"));
        row(h, "Time", String.format(Locale.ROOT, "%.1f s (%s claims/s)", s.seconds(), num((long) s.claimsPerSecond())));
        h.append("</table>\n<div class=\"grid\">\n");

        Map<String, Double> dispositions = new LinkedHashMap<>();
        s.byDisposition().forEach((d, n) -> dispositions.put(d.name(), n.doubleValue()));
        section(h, "Dispositions", bars(dispositions, countAndShare(s.results()), DISPOSITION_COLOURS));

        Map<String, Double> families = new LinkedHashMap<>();
        sortedDesc(s.editsByFamily()).forEach(e -> families.put(e.getKey(), e.getValue().doubleValue()));
        long editsFired = s.editsByFamily().values().stream().mapToLong(Long::longValue).sum();
        section(h, "Edits by family", bars(families, countAndShare(editsFired), new String[] {"#2980b9"}));

        if (!s.errorsByCode().isEmpty()) {
            Map<String, Double> errors = new LinkedHashMap<>();
            sortedDesc(s.errorsByCode()).forEach(e -> errors.put(e.getKey(), e.getValue().doubleValue()));
            section(h, "Error records by code", bars(errors, countAndShare(s.errorRecords()), new String[] {"#7f8c8d"}));
        }
        h.append("</div>\n");

        topByCount(h, s);
        topByDeniedAmount(h, s);

        h.append("<h2>By payer profile</h2>\n").append(table(s.byPayerProfile(), Map.of()));
        h.append("<h2>By place of service</h2>\n").append(table(s.byPlaceOfService(), s.placeOfServiceNames()));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void topByCount(StringBuilder h, BatchSummary s) {
        List<Map.Entry<String, BatchSummary.EditCount>> top = s.edits().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BatchSummary.EditCount> e) -> -e.getValue().count())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP).toList();
        h.append("<h2>Top edits by count</h2>\n");
        if (top.isEmpty()) {
            h.append("<p class=\"meta\">None.</p>\n");
            return;
        }
        long max = top.get(0).getValue().count();
        h.append("<table class=\"list\"><tr><th>edit</th><th>title</th><th class=\"n\">fired</th>")
                .append("<th class=\"n\">claims</th><th class=\"n\">% of results</th><th></th></tr>\n");
        for (Map.Entry<String, BatchSummary.EditCount> e : top) {
            BatchSummary.EditCount c = e.getValue();
            h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>").append(Html.escape(c.title()))
                    .append("</td><td class=\"n\">").append(num(c.count())).append("</td><td class=\"n\">")
                    .append(num(c.claims())).append("</td><td class=\"n\">").append(Html.escape(percent(c.claims(), s.results())))
                    .append("</td>").append(bar(c.count(), max, "#16a085")).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void topByDeniedAmount(StringBuilder h, BatchSummary s) {
        List<Map.Entry<String, BigDecimal>> top = sortedDesc(s.deniedChargesByEdit()).stream().limit(TOP).toList();
        h.append("<h2>Top edits by denied amount</h2>\n");
        if (top.isEmpty()) {
            h.append("<p class=\"meta\">None.</p>\n");
            return;
        }
        double denied = s.deniedCharges().doubleValue();
        double max = top.get(0).getValue().doubleValue();
        h.append("<table class=\"list\"><tr><th>edit</th><th>title</th><th class=\"n\">denied charges</th>")
                .append("<th class=\"n\">% of denied charges</th><th></th></tr>\n");
        for (Map.Entry<String, BigDecimal> e : top) {
            BatchSummary.EditCount c = s.edits().get(e.getKey());
            h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>")
                    .append(Html.escape(c == null ? null : c.title())).append("</td><td class=\"n\">")
                    .append(money(e.getValue())).append("</td><td class=\"n\">")
                    .append(Html.escape(percent(e.getValue().doubleValue(), denied))).append("</td>")
                    .append(bar(e.getValue().doubleValue(), max, "#c0392b")).append("</tr>\n");
        }
        h.append("</table>\n");
        BigDecimal sum = s.deniedChargesByEdit().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overlap = s.deniedChargesOnLinesWithSeveralEdits();
        h.append("<p class=\"note\">A denied line's charge counts under every edit that denied it. ");
        if (overlap.signum() > 0) {
            h.append("These amounts (every edit, not only the top ").append(TOP).append(") add up to ")
                    .append(money(sum)).append(", more than the ").append(money(s.deniedCharges()))
                    .append(" denied: ").append(money(overlap)).append(" (")
                    .append(Html.escape(percent(overlap.doubleValue(), denied)))
                    .append(") of the denied charges is on lines that more than one edit denied, so removing one "
                            + "of those edits alone would not pay them.</p>\n");
        } else {
            h.append("No line was denied by more than one edit, so the amounts add up to the ")
                    .append(money(s.deniedCharges())).append(" denied.</p>\n");
        }
    }

    private static <V extends Comparable<V>> List<Map.Entry<String, V>> sortedDesc(Map<String, V> m) {
        List<Map.Entry<String, V>> list = new ArrayList<>(m.entrySet());
        list.sort(Map.Entry.<String, V>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }

    private static void section(StringBuilder h, String title, String body) {
        h.append("<section><h2>").append(Html.escape(title)).append("</h2>\n").append(body).append("</section>\n");
    }

    /** Labels a bar with its count and its share of {@code total}: {@code 1,234 (12.3 %)}. */
    private static DoubleFunction<String> countAndShare(long total) {
        return v -> String.format(Locale.ROOT, "%,.0f", v) + " (" + percent(v, total) + ")";
    }

    /** A horizontal bar chart as inline SVG, one bar per entry, with its label printed. */
    static String bars(Map<String, Double> values, DoubleFunction<String> labels, String[] colours) {
        if (values.isEmpty()) {
            return "<p class=\"meta\">None.</p>\n";
        }
        int rowHeight = 22;
        // Wide enough for the longest key and value label (about 8 px a capital, 7.5 px a digit, at the chart's font size).
        int longest = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int longestLabel = values.values().stream().mapToInt(v -> labels.apply(v).length()).max().orElse(0);
        int labelWidth = Math.max(100, 12 + (int) Math.ceil(longest * 8.2));
        int chartWidth = 260;
        int width = labelWidth + chartWidth + 12 + (int) Math.ceil(longestLabel * 7.5);
        int height = values.size() * rowHeight + 8;
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n");
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            int y = 4 + i * rowHeight;
            double w = max <= 0 ? 0 : e.getValue() / max * chartWidth;
            String label = labels.apply(e.getValue());
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.escape(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", Math.max(w, e.getValue() > 0 ? 1 : 0)))
                    .append("\" height=\"").append(rowHeight - 6).append("\" fill=\"")
                    .append(colours[i % colours.length]).append("\"><title>").append(Html.escape(e.getKey())).append(": ")
                    .append(Html.escape(label)).append("</title></rect>")
                    .append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", labelWidth + w + 6))
                    .append("\" y=\"").append(y + 15).append("\">").append(Html.escape(label)).append("</text>\n");
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** A table cell with a bar as long as {@code value} is of {@code max}. */
    private static String bar(double value, double max, String colour) {
        double w = max <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, value / max * 100);
        return "<td class=\"bar\"><span style=\"width:" + String.format(Locale.ROOT, "%.1f", w)
                + "%;background:" + colour + "\"></span></td>";
    }

    /** Counts by disposition, one row per key (with its name when {@code names} has one), and the row's total. */
    private static String table(Map<String, Map<Disposition, Long>> rows, Map<String, String> names) {
        StringBuilder t = new StringBuilder("<table class=\"kv\"><tr><td></td>");
        for (Disposition d : Disposition.values()) {
            t.append("<td class=\"n\"><b>").append(d).append("</b></td>");
        }
        t.append("<td class=\"n\"><b>claims</b></td></tr>");
        rows.forEach((k, m) -> {
            String name = names.get(k);
            t.append("<tr><td>").append(Html.escape(k)).append(name == null ? "" : " " + Html.escape(name)).append("</td>");
            long total = m.values().stream().mapToLong(Long::longValue).sum();
            for (Disposition d : Disposition.values()) {
                long n = m.getOrDefault(d, 0L);
                t.append("<td class=\"n\">").append(num(n)).append(" <span class=\"meta\">")
                        .append(Html.escape(percent(n, total))).append("</span></td>");
            }
            t.append("<td class=\"n\">").append(num(total)).append("</td></tr>");
        });
        return t.append("</table>\n").toString();
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(Html.escape(v)).append("</td></tr>");
    }

    private static String share(double part, double total, String of) {
        return total <= 0 ? "" : " (" + percent(part, total) + " " + of + ")";
    }

    /** {@code 12.3 %}; a share that is not zero never shows as 0.0. */
    static String percent(double part, double total) {
        if (total <= 0) {
            return "–";
        }
        double p = part / total * 100;
        return p > 0 && p < 0.05 ? "<0.1 %" : BigDecimal.valueOf(p).setScale(1, RoundingMode.HALF_UP) + " %";
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String money(BigDecimal b) {
        return "$" + String.format(Locale.ROOT, "%,.2f", b);
    }
}
