package org.claimrules.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.Ruleset;
import org.claimrules.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules catalog}: every edit of the active ruleset, read from its rules' metadata. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List every edit of the ruleset (bundled, or --rules DIR) from its rules' metadata.")
public final class CatalogCommand implements Callable<Integer> {

    enum Format { md, csv, json }

    private static final List<String> COLUMNS = List.of("editId", "title", "severity", "category", "groupCode",
            "carc", "rarc", "lcd", "groupCodeWithGA", "reference", "ruleFile");

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "md (default), csv or json.")
    Format format = Format.md;

    @Mixin
    RulesetOption ruleset;

    @Override
    public Integer call() throws IOException {
        ClaimEngine engine = ruleset.engine(spec.commandLine().getErr());
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        Ruleset rules = engine.ruleset();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EditDefinition e : rules.catalog().edits()) {
            Map<String, Object> row = row(e);
            // rules compiled into the bundled jar do not know their file: look it up by rule name
            rules.locate(e.ruleName()).ifPresent(r -> row.put("ruleFile", r.file() + ":" + r.line()));
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows));
            case csv -> {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
                for (Map<String, Object> row : rows) {
                    csv.printRecord(row.values());
                }
                csv.flush();
            }
            case md -> markdown(out, rows, engine.ruleset().version());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(EditDefinition e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("editId", e.editId());
        row.put("title", e.title());
        row.put("severity", e.severity().name());
        row.put("category", e.category());
        row.put("groupCode", e.groupCode());
        row.put("carc", e.carc());
        row.put("rarc", e.rarc());
        row.put("lcd", e.lcd());
        row.put("groupCodeWithGA", e.groupCodeWithGA());
        row.put("reference", e.reference());
        row.put("ruleFile", e.ruleFile());
        return row;
    }

    private static void markdown(PrintWriter out, List<Map<String, Object>> rows, String version) {
        out.println("# Edit catalogue (ruleset " + version + ")");
        out.println();
        out.println("| edit | title | severity | category | group / CARC / RARC | reference | rule file |");
        out.println("|---|---|---|---|---|---|---|");
        for (Map<String, Object> r : rows) {
            String codes = r.get("groupCode") == null ? "" : r.get("groupCode") + " / " + r.get("carc")
                    + (r.get("rarc") == null ? "" : " / " + r.get("rarc"))
                    + (Boolean.TRUE.equals(r.get("lcd")) ? " (LCD)" : "")
                    + (r.get("groupCodeWithGA") == null ? "" : "; " + r.get("groupCodeWithGA") + " with GA");
            out.println("| " + String.join(" | ", cell(r.get("editId")), cell(r.get("title")), cell(r.get("severity")),
                    cell(r.get("category")), cell(codes), cell(r.get("reference")), cell(r.get("ruleFile"))) + " |");
        }
        out.println();
        out.println(rows.size() + " edits");
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString().replace("|", "\\|");
    }
}
