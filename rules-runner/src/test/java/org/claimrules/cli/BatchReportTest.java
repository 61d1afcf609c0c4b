package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EditDefinition;
import org.claimrules.io.Json;
import org.claimrules.tables.RowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --summary --report} on generated claims: the report's numbers add up or say why
 * not, and edits and places of service are named from the ruleset.
 */
class BatchReportTest {

    @TempDir
    static Path tmp;
    static Path claims;
    static Path results;
    static JsonNode summary;
    static String page;

    @BeforeAll
    static void scoreABatch() throws Exception {
        claims = tmp.resolve("claims.jsonl");
        results = tmp.resolve("results.jsonl");
        assertEquals(ExitCodes.OK, Cli.run("generate", "--count", "1500", "--seed", "11", "--invalid-per-mille", "20",
                "--output", claims.toString()).exit());
        Cli.Run run = Cli.run("score", "--input", claims.toString(), "--output", results.toString(), "--summary",
                tmp.resolve("summary.json").toString(), "--report", tmp.resolve("report.html").toString(), "--no-progress");
        assertEquals(ExitCodes.SOME_ERRORS, run.exit(), run::toString);
        summary = Json.mapper().readTree(tmp.resolve("summary.json").toFile());
        page = Files.readString(tmp.resolve("report.html"));
    }

    @Test
    void deniedChargesOnLinesOfSeveralEditsAreComputedAndTheOverlapIsExplained() throws Exception {
        List<String> in = Files.readAllLines(claims);
        List<String> out = Files.readAllLines(results);
        BigDecimal overlap = BigDecimal.ZERO;
        for (int i = 0; i < out.size(); i++) {
            JsonNode result = Json.mapper().readTree(out.get(i));
            if (result.has("error")) {
                continue;
            }
            Map<Integer, Set<String>> denying = new HashMap<>();
            result.get("edits").forEach(e -> {
                if (e.get("severity").asText().equals("DENY") && e.has("lineNumber")) {
                    denying.computeIfAbsent(e.get("lineNumber").asInt(), k -> new HashSet<>()).add(e.get("editId").asText());
                }
            });
            Map<Integer, BigDecimal> charges = new HashMap<>();
            Json.mapper().readTree(in.get(i)).get("lines").forEach(l -> {
                if (l.has("charge")) {
                    charges.put(l.get("lineNumber").asInt(), l.get("charge").decimalValue());
                }
            });
            for (JsonNode line : result.get("lines")) {
                int n = line.get("lineNumber").asInt();
                if (line.get("status").asText().equals("DENIED") && denying.getOrDefault(n, Set.of()).size() > 1
                        && charges.containsKey(n)) {
                    overlap = overlap.add(charges.get(n));
                }
            }
        }
        assertTrue(overlap.signum() > 0, "the batch has lines denied by several edits");
        assertEquals(0, overlap.compareTo(summary.get("deniedChargesOnLinesWithSeveralEdits").decimalValue()));

        BigDecimal byEdit = BigDecimal.ZERO;
        for (JsonNode v : summary.get("deniedChargesByEdit")) {
            byEdit = byEdit.add(v.decimalValue());
        }
        BigDecimal denied = summary.get("deniedCharges").decimalValue();
        assertTrue(byEdit.compareTo(denied) > 0, "the per-edit amounts overlap: " + byEdit + " vs " + denied);
        assertTrue(page.contains("add up to " + money(byEdit) + ", more than the " + money(denied) + " denied: "
                + money(overlap)), "the page explains why the per-edit amounts exceed the total");
    }

    @Test
    void editsCarryTheirTitlesAndPlacesOfServiceTheirNames() throws Exception {
        ClaimEngine engine = ClaimEngine.bundled();
        int titled = 0;
        for (EditDefinition d : engine.ruleset().catalog().edits()) {
            if (summary.get("edits").has(d.editId())) {
                assertEquals(d.title(), summary.get("edits").get(d.editId()).get("title").asText());
                titled++;
            }
        }
        assertTrue(titled > 10, "most edits fired: " + titled);
        String top = null;
        for (var e = summary.get("edits").fields(); e.hasNext(); ) {
            var edit = e.next();
            if (top == null || edit.getValue().get("count").asLong() > summary.get("edits").get(top).get("count").asLong()) {
                top = edit.getKey();
            }
        }
        String title = org.claimrules.report.Html.escape(summary.get("edits").get(top).get("title").asText());
        assertTrue(page.contains("<td>" + top + "</td><td>" + title + "</td>"), "the top edit has its title beside it");
        int named = 0;
        for (var codes = summary.get("byPlaceOfService").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            Object place = engine.ruleset().data().find("places-of-service", "code", code);
            if (place != null) {
                String name = String.valueOf(RowType.get(place, "name"));
                assertEquals(name, summary.get("placeOfServiceNames").get(code).asText());
                assertTrue(page.contains("<td>" + code + " " + name + "</td>"), code);
                named++;
            }
        }
        assertTrue(named >= 3, "the generated places of service are in the table: " + named);
    }

    @Test
    void countsShowTheirShareAndErrorRecordsAreGroupedByCode() {
        long results = summary.get("results").asLong();
        for (var d = summary.get("byDisposition").fields(); d.hasNext(); ) {
            var e = d.next();
            long n = e.getValue().asLong();
            String expected = String.format(Locale.ROOT, "%,d (%.1f %%)", n, 100.0 * n / results);
            assertTrue(page.contains(">" + expected + "<"), () -> e.getKey() + " shows " + expected);
        }
        assertTrue(page.contains("Error records by code"), "the section is there");
        long errors = summary.get("errorRecords").asLong();
        assertTrue(errors > 0);
        for (var c = summary.get("errorsByCode").fields(); c.hasNext(); ) {
            var e = c.next();
            assertTrue(page.contains(">" + e.getKey() + "</text>"), e.getKey());
            assertTrue(page.contains(String.format(Locale.ROOT, "%,d (%.1f %%)", e.getValue().asLong(),
                    100.0 * e.getValue().asLong() / errors)), e.getKey());
        }
    }

    private static String money(BigDecimal b) {
        return "$" + String.format(Locale.ROOT, "%,.2f", b);
    }
}
