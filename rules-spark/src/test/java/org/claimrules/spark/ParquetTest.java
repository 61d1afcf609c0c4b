package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.claimrules.io.Json;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet in (columns as the JSON claim format, nested) and out (the result line and its key fields). */
class ParquetTest {

    @TempDir
    Path dir;

    @Test
    void parquetClaimsScoreAsTheirJsonLinesDoAndResultsCarryTheirKeyFields() throws Exception {
        Path jsonl = LocalSpark.generate(dir, 1500, 11);
        Scored cli = LocalSpark.cliScore(jsonl, dir.resolve("cli.jsonl"));
        // One file, rows in the order of the lines: a row's position is the line number error records name.
        Path claims = dir.resolve("claims.parquet");
        LocalSpark.session().read().json(jsonl.toString()).coalesce(1).write().parquet(claims.toString());

        Path out = dir.resolve("results.parquet");
        Scored spark = LocalSpark.sparkScore(claims, out);

        List<Row> rows = LocalSpark.session().read().parquet(out.toString())
                .select("inputLine", "claimId", "disposition", "errorCode", "rulesetVersion", "result").collectAsList();
        List<String> results = rows.stream().map(r -> r.getString(5)).sorted().toList();
        assertEquals(cli.lines(), results);
        assertEquals(cli.exit(), spark.exit());
        assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(3)), "the generated file has invalid claims");
        for (Row r : rows) {
            JsonNode result = Json.mapper().readTree(r.getString(5));
            assertEquals(result.path("claimId").asText(null), r.getString(1));
            if (result.has("error")) {
                assertEquals(result.get("error").get("code").asText(), r.getString(3));
                assertEquals(result.get("error").get("inputLine").asLong(), r.getLong(0));
                assertTrue(r.isNullAt(2) && r.isNullAt(4));
            } else {
                assertEquals(result.get("disposition").asText(), r.getString(2));
                assertEquals(result.get("rulesetVersion").asText(), r.getString(4));
                assertTrue(r.isNullAt(3));
            }
        }
    }
}
