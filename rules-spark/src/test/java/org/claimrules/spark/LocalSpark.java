package org.claimrules.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.claimrules.cli.ClaimRulesCli;

/**
 * One real Spark in local mode for the module's tests, bound to loopback, its files under target/
 * (the local folders come from SPARK_LOCAL_DIRS, set by the module's surefire configuration).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            Path work = Path.of("target", "spark-test").toAbsolutePath();
            session = SparkSession.builder().master("local[2]").appName("claimrules-spark tests")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.warehouse.dir", work.resolve("warehouse").toString())
                    .getOrCreate();
        }
        return session;
    }

    /** {@code claimrules score} of the command line on {@code input}: its result lines and exit status. */
    static Scored cliScore(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--input", input.toString(), "--output",
                output.toString(), "--no-progress"));
        args.addAll(List.of(more));
        int exit = ClaimRulesCli.run(args.toArray(String[]::new));
        return new Scored(exit, lines(output));
    }

    /**
     * The job on {@code input}, in this JVM with the local session: its exit status, and its result
     * lines when it wrote JSON Lines.
     */
    static Scored sparkScore(Path input, Path output, String... more) {
        session();
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(more));
        int exit = SparkScore.run(args.toArray(String[]::new));
        boolean jsonLines = Files.isDirectory(output) && !output.toString().endsWith(".parquet");
        return new Scored(exit, jsonLines ? partLines(output) : List.of());
    }

    /** An exit status and result lines, sorted so that two runs compare as multisets. */
    record Scored(int exit, List<String> lines) {
        Scored {
            lines = lines.stream().sorted().toList();
        }
    }

    static List<String> partLines(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> all = new ArrayList<>();
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.addAll(lines(part));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code claimrules generate}: the generated claims as a JSON Lines file. */
    static Path generate(Path dir, int count, long seed) {
        Path file = dir.resolve("claims-" + seed + ".jsonl");
        int exit = ClaimRulesCli.run("generate", "--count", String.valueOf(count), "--seed", String.valueOf(seed),
                "--output", file.toString());
        if (exit != 0) {
            throw new IllegalStateException("generate failed with status " + exit);
        }
        return file;
    }
}
