package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job as a user runs it: {@code scripts/spark-score.sh} submits the assembly jar
 * (engine and kjar inside, Jackson and ANTLR relocated) through Spark's SparkSubmit, with Spark
 * from the build's jars in their own class loader, as spark-submit does. Runs after {@code package}.
 */
class SparkScoreScriptIT {

    @TempDir
    Path dir;

    @Test
    void theScriptScoresWithTheAssemblyJarAsClaimrulesScoreDoes() throws Exception {
        Path input = LocalSpark.generate(dir, 400, 21);
        Scored cli = LocalSpark.cliScore(input, dir.resolve("cli.jsonl"));
        Path out = dir.resolve("out");
        Path log = dir.resolve("script.log");

        Process p = new ProcessBuilder("bash", Path.of("..", "scripts", "spark-score.sh").toString(),
                "--master", "local[2]", "--input", input.toString(), "--output", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the script finishes");

        String printed = Files.readString(log);
        assertEquals(cli.exit(), p.exitValue(), printed);
        assertEquals(cli.lines(), LocalSpark.partLines(out).stream().sorted().toList());
        assertTrue(printed.contains("claims read: 400"), printed);
    }
}
