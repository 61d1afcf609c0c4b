package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ruleset a job scores with: a folder shipped to the executors, and the version pinned for the job. */
class RulesetPinTest {

    @TempDir
    Path dir;

    @Test
    void anExecutorWithAnotherRulesetVersionFailsTheJobInsteadOfScoringWithIt() throws Exception {
        Path input = LocalSpark.generate(dir, 200, 3);
        String bundled = ClaimEngine.bundled().ruleset().version();
        Path out = dir.resolve("out");
        ScoreJob.Settings settings = new ScoreJob.Settings(input.toString(), ScoreJob.Format.JSONL, out.toString(),
                ScoreJob.Format.JSONL, RulesetRef.bundled(), bundled + "-other", null, 2);

        Exception failure = assertThrows(Exception.class,
                () -> ScoreJob.run(LocalSpark.session(), settings));

        assertTrue(SparkScore.mentions(failure, RulesetMismatchException.class), failure::toString);
        assertTrue(failure.getMessage().contains(bundled + "-other"), failure::getMessage);
        assertFalse(Files.exists(out.resolve("_SUCCESS")));
    }

    /**
     * An edited ruleset folder (one payer parameter changed) scores as {@code claimrules score --rules}
     * does; the results carry the folder's version, and the edit changes some of them.
     */
    @Test
    void aRulesetFolderIsShippedWithTheJobAndScoresAsTheCommandLineDoes() throws Exception {
        Path rules = dir.resolve("my-rules");
        RulesetExporter.export(RulesetLoader.bundledRoot(), rules);
        Path profiles = rules.resolve("tables/facet/profile-parameters.csv");
        Files.writeString(profiles, editCommercialDiagnosticCap(Files.readString(profiles)));
        Path input = LocalSpark.generate(dir, 1500, 5);

        Scored cli = LocalSpark.cliScore(input, dir.resolve("cli.jsonl"), "--rules", rules.toString());
        Scored spark = LocalSpark.sparkScore(input, dir.resolve("out"), "--rules", rules.toString());
        Scored bundled = LocalSpark.cliScore(input, dir.resolve("bundled.jsonl"));

        assertEquals(cli.lines(), spark.lines());
        assertTrue(spark.lines().stream().anyMatch(l -> l.contains("\"rulesetVersion\":\"my-rules+sha256.")));
        long changed = cli.lines().stream().map(l -> l.replaceAll("\"rulesetVersion\":\"[^\"]*\"", ""))
                .filter(l -> !bundled.lines().stream().map(b -> b.replaceAll("\"rulesetVersion\":\"[^\"]*\"", ""))
                        .toList().contains(l)).count();
        assertTrue(changed > 0, "the edit changes some results");
    }

    @Test
    void aFolderThatIsNoRulesetIsARulesetError() throws Exception {
        Path input = LocalSpark.generate(dir, 10, 3);

        Scored run = LocalSpark.sparkScore(input, dir.resolve("out"), "--rules", dir.resolve("nope").toString());

        assertEquals(SparkScore.RULESET, run.exit());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /** COMMERCIAL allows 1 diagnostic session per 12 months instead of its bundled value. */
    private static String editCommercialDiagnosticCap(String csv) {
        String[] lines = csv.split("\n", -1);
        int column = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#") || lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (column < 0) {
                column = java.util.Arrays.asList(cells).indexOf("diagnosticSessionsPer12Months");
                assertTrue(column >= 0, "the profile table has the column");
            } else if (cells[0].equals("COMMERCIAL")) {
                cells[column] = "1";
                lines[i] = String.join(",", cells);
            }
        }
        return String.join("\n", lines);
    }
}
