package org.claimrules.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code score --report}: one self-contained HTML page (inline CSS and SVG, no script, no network)
 * with the batch's dispositions, the top edits by count and by denied amount, and edits by family.
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
                .append("table.kv{border-collapse:collapse;margin-top:1rem}table.kv td{padding:.2rem 1.2rem .2rem 0}")
                .append("table.kv td:first-child{color:#555}.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem 2.5rem}")
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
        row(h, "Results", num(s.results()));
        row(h, "Error records", num(s.errorRecords()));
        row(h, "Billed charges", money(s.billedCharges()));
        row(h, "Denied charges", money(s.deniedCharges()));
        row(h, "Time", String.format(Locale.ROOT, "%.1f s (%s claims/s)", s.seconds(), num((long) s.claimsPerSecond())));
        h.append("</table>\n<div class=\"grid\">\n");

        Map<String, Double> dispositions = new LinkedHashMap<>();
        s.byDisposition().forEach((d, n) -> dispositions.put(d.name(), n.doubleValue()));
        section(h, "Dispositions", bars(dispositions, false, DISPOSITION_COLOURS));

        Map<String, Double> families = new LinkedHashMap<>();
        sortedDesc(s.editsByFamily()).forEach(e -> families.put(e.getKey(), e.getValue().doubleValue()));
        section(h, "Edits by family", bars(families, false, new String[] {"#2980b9"}));

        Map<String, Double> byCount = new LinkedHashMap<>();
        s.edits().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BatchSummary.EditCount> e) -> -e.getValue().count())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP).forEach(e -> byCount.put(e.getKey(), (double) e.getValue().count()));
        section(h, "Top edits by count", bars(byCount, false, new String[] {"#16a085"}));

        Map<String, Double> byDenied = new LinkedHashMap<>();
        sortedDesc(s.deniedChargesByEdit()).stream().limit(TOP)
                .forEach(e -> byDenied.put(e.getKey(), e.getValue().doubleValue()));
        section(h, "Top edits by denied amount", bars(byDenied, true, new String[] {"#c0392b"}));
        h.append("</div>\n");

        h.append("<h2>By payer profile</h2>\n").append(table(s.byPayerProfile()));
        h.append("<h2>By place of service</h2>\n").append(table(s.byPlaceOfService()));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static <V extends Comparable<V>> List<Map.Entry<String, V>> sortedDesc(Map<String, V> m) {
        List<Map.Entry<String, V>> list = new ArrayList<>(m.entrySet());
        list.sort(Map.Entry.<String, V>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }

    private static void section(StringBuilder h, String title, String body) {
        h.append("<section><h2>").append(Html.escape(title)).append("</h2>\n").append(body).append("</section>\n");
    }

    /** A horizontal bar chart as inline SVG, one bar per entry, with its value printed. */
    static String bars(Map<String, Double> values, boolean money, String[] colours) {
        if (values.isEmpty()) {
            return "<p class=\"meta\">None.</p>\n";
        }
        int rowHeight = 22;
        // Wide enough for the longest label (about 7.5 px a character at the chart's font size).
        int longest = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int labelWidth = Math.max(100, 12 + (int) Math.ceil(longest * 7.5));
        int chartWidth = 300;
        int width = labelWidth + chartWidth + 110;
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
            String label = money ? "$" + String.format(Locale.ROOT, "%,.2f", e.getValue())
                    : String.format(Locale.ROOT, "%,.0f", e.getValue());
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

    private static String table(Map<String, Map<org.claimrules.model.result.Disposition, Long>> rows) {
        StringBuilder t = new StringBuilder("<table class=\"kv\"><tr><td></td>");
        for (var d : org.claimrules.model.result.Disposition.values()) {
            t.append("<td><b>").append(d).append("</b></td>");
        }
        t.append("</tr>");
        rows.forEach((k, m) -> {
            t.append("<tr><td>").append(Html.escape(k)).append("</td>");
            for (var d : org.claimrules.model.result.Disposition.values()) {
                t.append("<td>").append(num(m.getOrDefault(d, 0L))).append("</td>");
            }
            t.append("</tr>");
        });
        return t.append("</table>\n").toString();
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(Html.escape(v)).append("</td></tr>");
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String money(BigDecimal b) {
        return "$" + String.format(Locale.ROOT, "%,.2f", b);
    }

}
