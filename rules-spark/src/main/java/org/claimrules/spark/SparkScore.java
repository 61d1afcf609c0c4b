package org.claimrules.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.model.result.Disposition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The job's command line, run by {@code spark-submit} (or {@code scripts/spark-score.sh}): scores
 * a file of claims into a folder of part files, the same result lines as {@code claimrules score}.
 * Exit statuses as {@code claimrules score}: 0, 1 some error records, 2 usage, 3 ruleset, 4 the job
 * failed and left no complete output.
 */
@Command(name = "claimrules-spark", mixinStandardHelpOptions = true,
        description = "Score claims on Spark: JSON Lines or Parquet in, a folder of JSON Lines or Parquet part files out.")
public final class SparkScore implements Callable<Integer> {

    static final int OK = 0;
    static final int SOME_ERRORS = 1;
    static final int USAGE = 2;
    static final int RULESET = 3;
    static final int JOB_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Claims: JSON Lines (.gz read compressed) or Parquet; a file, folder or glob on any filesystem Spark reads (hdfs:, s3a:...).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Folder for the results' part files; it must not exist yet.")
    String output;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Ruleset folder instead of the bundled ruleset: local (local mode, or a path every node sees) or on a Hadoop filesystem (shipped with the job).")
    String rules;

    @Option(names = "--history", paramLabel = "LOCATION",
            description = "Claims history store to read each member's earlier sessions from (jdbc:postgresql://HOST/DB or jdbc:h2:file:PATH, the store of claimrules score --history; read only).")
    String history;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "jsonl or parquet (default: parquet when the input's name ends in .parquet).")
    String inputFormat;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "jsonl or parquet (default: parquet when the output's name ends in .parquet).")
    String outputFormat;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions to score in (default: the input's, and at least 4 per core).")
    int partitions;

    public static void main(String[] args) {
        int exit = run(args);
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(exit);
    }

    /** Runs the command in this JVM with the active Spark session (or a new one from the Spark configuration). */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkScore());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("claimrules-spark: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ScoreJob.Format in = format(inputFormat, input, "--input-format", err);
        ScoreJob.Format out = format(outputFormat, output, "--output-format", err);
        if (in == null || out == null) {
            return USAGE;
        }
        if (partitions < 0) {
            err.println("claimrules-spark: --partitions must be positive");
            return USAGE;
        }
        if (history != null && HistoryStores.provider(history).isEmpty()) {
            err.println("claimrules-spark: no history store on the classpath reads '" + history
                    + "': add a store's jar (an org.claimrules.spark.HistoryStoreProvider) to the job, or leave out --history");
            return USAGE;
        }
        long start = System.nanoTime();
        SparkSession spark = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
                : SparkSession.builder().appName("claimrules score").getOrCreate();
        Integer usage = checkPaths(spark, err);
        if (usage != null) {
            return usage;
        }
        RulesetRef ruleset;
        ClaimEngine engine;
        try {
            ruleset = rules == null ? RulesetRef.bundled() : RulesetRef.folder(spark.sparkContext(), rules);
            engine = ruleset.load();
        } catch (RulesetException e) {
            err.println("claimrules-spark: the ruleset " + (rules == null ? "(bundled)" : rules) + " cannot be loaded:");
            for (RulesetProblem p : e.problems()) {
                err.println("  " + p);
            }
            return RULESET;
        } catch (RuntimeException e) { // addFile of a folder Spark cannot read
            err.println("claimrules-spark: the ruleset " + rules + " cannot be shipped with the job: " + firstLine(e));
            return RULESET;
        }
        // The engine loaded here reads the same folder (or shipped copy) the tasks of this JVM read.
        EngineHolder.register(ruleset, engine);
        String version = engine.ruleset().version();
        JobTally tally;
        try {
            tally = ScoreJob.run(spark, new ScoreJob.Settings(input, in, output, out, ruleset, version, history, partitions));
        } catch (Exception e) { // a failed job throws SparkException, checked though Java is not told
            boolean mismatch = mentions(e, RulesetMismatchException.class);
            err.println("claimrules-spark: the job failed: " + firstLine(e) + "; " + output + " holds no complete output");
            err.flush();
            return mismatch ? RULESET : JOB_FAILED;
        }
        printSummary(err, tally, version, (System.nanoTime() - start) / 1e9);
        return tally.errors() > 0 ? SOME_ERRORS : OK;
    }

    private Integer checkPaths(SparkSession spark, PrintWriter err) {
        try {
            org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
            org.apache.hadoop.fs.Path inPath = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileStatus[] matches = FileSystem.get(inPath.toUri(), conf).globStatus(inPath);
            if (matches == null || matches.length == 0) {
                err.println("claimrules-spark: cannot read input " + input + ": no such file");
                return USAGE;
            }
            org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(output);
            if (FileSystem.get(outPath.toUri(), conf).exists(outPath)) {
                err.println("claimrules-spark: output " + output + " already exists; remove it or name another folder");
                return USAGE;
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            err.println("claimrules-spark: cannot use " + input + " or " + output + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static ScoreJob.Format format(String given, String path, String option, PrintWriter err) {
        String f = given != null ? given.toLowerCase(Locale.ROOT)
                : path.replaceAll("/+$", "").endsWith(".parquet") ? "parquet" : "jsonl";
        return switch (f) {
            case "jsonl" -> ScoreJob.Format.JSONL;
            case "parquet" -> ScoreJob.Format.PARQUET;
            default -> {
                err.println("claimrules-spark: " + option + " must be jsonl or parquet, not " + given);
                yield null;
            }
        };
    }

    /** True when {@code type} is a cause of {@code e}, or named in its message (a task's failure as the driver sees it). */
    static boolean mentions(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains(type.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void printSummary(PrintWriter err, JobTally tally, String version, double seconds) {
        StringBuilder line = new StringBuilder("claims read: " + tally.records() + "; results:");
        for (Disposition d : Disposition.values()) {
            line.append(' ').append(d).append(' ').append(tally.results(d));
        }
        line.append("; error records: ").append(tally.errors()).append("; ruleset: ").append(version)
                .append(String.format(Locale.ROOT, "; time: %.2f s; %.0f claims/s", seconds, tally.records() / seconds));
        List<JobTally.PartitionTime> times = tally.partitionTimes();
        if (!times.isEmpty()) {
            List<Long> counts = times.stream().map(JobTally.PartitionTime::records).sorted().toList();
            List<Double> secs = times.stream().map(t -> t.scoringNanos() / 1e9).sorted().toList();
            long records = times.stream().mapToLong(JobTally.PartitionTime::records).sum();
            double scoring = times.stream().mapToLong(JobTally.PartitionTime::scoringNanos).sum() / 1e9;
            double cpu = times.stream().mapToLong(JobTally.PartitionTime::scoringCpuNanos).sum() / 1e9;
            line.append(String.format(Locale.ROOT,
                    "%npartitions: %d; records per partition min %d, median %d, max %d; scoring s per partition"
                            + " min %.2f, median %.2f, max %.2f; per record scored %.1f µs elapsed, %.1f µs CPU",
                    times.size(), counts.get(0), counts.get(counts.size() / 2), counts.get(counts.size() - 1),
                    secs.get(0), secs.get(secs.size() / 2), secs.get(secs.size() - 1),
                    records == 0 ? 0 : scoring * 1e6 / records, records == 0 ? 0 : cpu * 1e6 / records));
        }
        err.println(line);
        err.flush();
    }
}
