package org.claimrules.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.batch.OutputFailedException;
import org.claimrules.batch.Progress;
import org.claimrules.batch.ScoringFailedException;
import org.claimrules.batch.ScoringPipeline;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.formats.Formats;
import org.claimrules.formats.InputFormat;
import org.claimrules.history.HistoryStoreException;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.io.Json;
import org.claimrules.io.OutputFile;
import org.claimrules.io.Streams;
import org.claimrules.model.result.Disposition;
import org.claimrules.report.BatchSummary;
import org.claimrules.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code claimrules score}: one result or error record per input claim, in input order, streamed
 * in bounded memory on all cores. The output is complete or clearly not: it is written to a
 * temporary file and moved into place at the end; a stop (SIGTERM, Ctrl-C) keeps what was written
 * as {@code <output>.partial}; a failed write removes it and says so.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a file of claims (JSON Lines, X12 837P or FHIR R4 Claims); write one result or error record per claim, in order.")
public final class ScoreCommand implements java.util.concurrent.Callable<Integer> {

    /** A record longer than this becomes an error record instead of being read into memory. */
    static final int MAX_RECORD_CHARS = org.claimrules.io.ClaimReader.MAX_RECORD_CHARS;

    /** How output files are opened; tests replace it to simulate a full disk. */
    static OutputFile.Opener opener = Streams::openOutputStream;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Claims: JSON Lines, X12 837P or FHIR R4 (.gz read compressed; - for standard input).")
    String input;

    /** The input's format; {@code AUTO} tells it by content (an ISA segment, a resourceType). */
    enum Format { AUTO, JSON, X12, FHIR }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: json, x12, fhir or auto (default: auto, by content).",
            converter = FormatConverter.class)
    Format format = Format.AUTO;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "json (results as claim-format.md says) or fhir (one FHIR R4 ClaimResponse per line); default: json.",
            converter = OutputFormatConverter.class)
    Formats.OutputFormat outputFormat = Formats.OutputFormat.JSON;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Results, JSON Lines (.gz written compressed; - for standard output).")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write counts by disposition, edit, profile and place of service as JSON (- for standard output).")
    Path summary;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts (- for standard output).")
    Path report;

    @Option(names = "--spill-dir", paramLabel = "DIR", description = "Folder for temporary files when the input does not fit in memory (default: the output's folder).")
    Path spillDir;

    @Option(names = "--memory-budget", paramLabel = "MB", description = "Megabytes of records held in memory before spilling (default: a quarter of the heap, at most 256).")
    long memoryBudgetMb;

    @Option(names = "--partitions", paramLabel = "N", hidden = true, description = "Always spill, into N partitions (tests and benchmarks).")
    int partitions;

    @Option(names = "--progress-every", paramLabel = "SECONDS", description = "Seconds between progress lines when standard error is not a terminal (default: ${DEFAULT-VALUE}).")
    double progressEvery = 5;

    @Option(names = "--no-progress", description = "No progress on standard error.")
    boolean noProgress;

    @Option(names = "--no-rules", hidden = true, description = "Read and write back each claim without scoring: the I/O baseline of docs/benchmarks.md.")
    boolean noRules;

    /** Each member's earlier claims count, and this run's claims are recorded when it completes. */
    @Mixin
    HistoryOption history = new HistoryOption("none");

    @Mixin
    RulesetOption ruleset;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!OutputPaths.reading("--input", input).file("--output", output).file("--summary", summary)
                .file("--report", report).existingFolder("--spill-dir", spillDir).ok(err)) {
            return ExitCodes.USAGE;
        }
        long start = System.nanoTime();
        BufferedInputStream in;
        InputFormat inputFormat;
        try {
            in = Streams.openInputStream(input);
            inputFormat = format == Format.AUTO ? InputFormat.detect(in) : InputFormat.valueOf(format.name());
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read input " + input + ": no such file");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("claimrules: cannot read input " + input + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // HAPI's context and StAEDI's schema take a while to build: built while the ruleset loads.
        Thread warm = Formats.warmInBackground(inputFormat, outputFormat);
        ClaimEngine engine = null;
        String version = "none (--no-rules)";
        if (!noRules) {
            engine = isolation.apply(ruleset.engine(err));
            if (engine == null) {
                return ExitCodes.RULESET;
            }
            version = engine.ruleset().version();
        }
        if (!history.parse(err)) {
            return ExitCodes.USAGE;
        }
        String historyUrl = history.url();
        Formats.Opened opened;
        try {
            opened = Formats.open(in, inputFormat, engine != null ? engine.ruleset().root() : RulesetLoader.bundledRoot(),
                    MAX_RECORD_CHARS);
        } catch (IOException e) {
            err.println("claimrules: cannot read the payers table: " + e.getMessage());
            return ExitCodes.RULESET;
        }
        warm.join();
        boolean toStdout = "-".equals(output);
        OutputFile file = null;
        HistoryWriteBack writeBack = null;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Only for a shutdown the signal handlers do not see (SIGHUP, say): stop and let the run end.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "claimrules-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // Standard input is never closed here: a reader blocked on it holds its lock.
        try (StopSignals signals = new StopSignals(stop); InputStream closedAtEnd = "-".equals(input) ? null : in;
                Progress progress = progress(err)) {
            try {
                file = toStdout ? null : OutputFile.create(Path.of(output), opener);
            } catch (IOException e) {
                err.println("claimrules: cannot create output " + output + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            OutputStream out = toStdout ? StandardOutput.open() : file.stream();
            Path scratch = spillDir != null ? spillDir : toStdout ? Path.of(System.getProperty("java.io.tmpdir"))
                    : Path.of(output).toAbsolutePath().getParent();
            try {
                writeBack = historyUrl == null ? null : new HistoryWriteBack(JdbcHistoryStore.open(historyUrl, threads + 2), scratch);
            } catch (HistoryStoreException | IOException e) {
                err.println("claimrules: " + e.getMessage());
                return ExitCodes.HISTORY_UNAVAILABLE;
            }
            ScoringPipeline pipeline = ScoringPipeline.builder(engine).threads(threads)
                    .memoryBudget(memoryBudgetMb << 20).partitions(partitions).memberHistory(writeBack)
                    .spillDir(scratch)
                    .expectedInputBytes(expectedSize(input)).maxRecordChars(MAX_RECORD_CHARS)
                    .writer(Formats.writer(inputFormat, outputFormat, java.time.LocalDate.now()))
                    .progress(progress).stop(stop).build();
            ScoringPipeline.Outcome run;
            String failure = null;
            try {
                run = pipeline.run(opened.input(), out);
                if (run.complete() && writeBack != null && !recordHistory(err, writeBack)) {
                    if (file != null) {
                        file.discard();
                    }
                    return ExitCodes.HISTORY_UNAVAILABLE;
                }
                if (run.complete() && file != null) {
                    commit(file);
                }
            } catch (OutputFailedException e) {
                return outputFailed(err, file, e);
            } catch (ScoringFailedException e) {
                if (e.soFar() == null) {
                    throw e;
                }
                run = e.soFar();
                failure = e.getMessage();
            } catch (IOException e) {
                if (file != null) {
                    file.discard();
                }
                err.println("claimrules: reading " + input + " failed: " + e.getMessage() + "; no output written");
                return ExitCodes.USAGE;
            }
            progress.close();
            Path partial = null;
            if (!run.complete()) {
                partial = file == null ? null : file.keepPartial();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchSummary s = BatchSummary.of(run.tally(), run.complete(), run.stoppedAt().name(), run.read(),
                    run.written(), version, threads, run.partitions(), seconds)
                    .withNames(engine == null ? null : engine.ruleset());
            writeReports(err, s);
            printSummary(err, s, partial);
            if (failure != null) {
                err.println("claimrules: the run failed: " + failure);
                err.flush();
                return ExitCodes.RUN_FAILED;
            }
            if (!run.complete()) {
                return signals.status() != 0 ? signals.status() : ExitCodes.TERMINATED;
            }
            return s.errorRecords() > 0 ? ExitCodes.SOME_ERRORS : ExitCodes.OK;
        } finally {
            if (file != null) {
                file.close();
            }
            if (writeBack != null) {
                writeBack.close();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for 'finished', counted down above
            }
        }
    }

    /** The constant named {@code value} in any case; a plain message naming the allowed words otherwise. */
    private static <E extends Enum<E>> E oneOf(Class<E> type, String value, String allowed) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not " + allowed);
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return oneOf(Format.class, value, "json, x12, fhir or auto");
        }
    }

    static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<Formats.OutputFormat> {
        @Override
        public Formats.OutputFormat convert(String value) {
            return oneOf(Formats.OutputFormat.class, value, "json or fhir");
        }
    }

    /** Records the completed run's claims in the history, all or none; false (and why, on {@code err}) if it failed. */
    private static boolean recordHistory(PrintWriter err, HistoryWriteBack writeBack) {
        try {
            long n = writeBack.commit();
            err.println("claimrules: " + n + " claims recorded in the claims history");
            return true;
        } catch (HistoryStoreException | IOException | java.io.UncheckedIOException e) {
            err.println("claimrules: the claims history was not written (" + e.getMessage()
                    + "); no output written: run again, claims sent again replace their earlier record");
            return false;
        }
    }

    /** Closing the stream flushes the last buffers: a failure there is a failed write too. */
    private static void commit(OutputFile file) throws OutputFailedException {
        try {
            file.commit();
        } catch (IOException e) {
            throw new OutputFailedException(e);
        }
    }

    private int outputFailed(PrintWriter err, OutputFile file, IOException e) {
        if (file != null) {
            file.discard();
        }
        err.println("claimrules: writing " + output + " failed: " + e.getMessage()
                + (file != null ? "; the incomplete output was removed and " + output + " was not written" : ""));
        err.flush();
        return ExitCodes.OUTPUT_FAILED;
    }

    private Progress progress(PrintWriter err) {
        if (noProgress) {
            return Progress.NONE;
        }
        return System.console() != null ? new TerminalProgress(err)
                : new LineProgress(err, Math.max(50, (long) (progressEvery * 1000)));
    }

    private static long expectedSize(String input) {
        if ("-".equals(input)) {
            return -1;
        }
        try {
            long size = Files.size(Path.of(input));
            // JSON Lines of claims compress about seven to one.
            return input.endsWith(".gz") ? size * 7 : size;
        } catch (IOException e) {
            return -1;
        }
    }

    private void writeReports(PrintWriter err, BatchSummary s) {
        try {
            if (summary != null) {
                writeSmallFile(summary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
            }
            if (report != null) {
                writeSmallFile(report, HtmlReport.render(s, "claimrules batch report").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            err.println("claimrules: cannot write the summary or report: " + e.getMessage());
        }
    }

    private static void writeSmallFile(Path path, byte[] bytes) throws IOException {
        if (OutputPaths.isStandard(path)) {
            System.out.write(bytes);
            System.out.flush();
            if (System.out.checkError()) {
                throw new IOException("standard output is closed or full");
            }
            return;
        }
        try (OutputFile f = OutputFile.create(path, opener)) {
            f.stream().write(bytes);
            f.commit();
        }
    }

    private static void printSummary(PrintWriter err, BatchSummary s, Path partial) {
        StringBuilder line = new StringBuilder("claims read: " + s.claimsRead() + "; results:");
        for (Disposition d : Disposition.values()) {
            line.append(' ').append(d).append(' ').append(s.byDisposition().getOrDefault(d, 0L));
        }
        line.append("; error records: ").append(s.errorRecords())
                .append(String.format("; time: %.2f s; %.0f claims/s", s.seconds(), s.claimsPerSecond()));
        if (!s.complete()) {
            line.append(String.format("%nclaimrules: stopped while %s: %d of %d records written",
                    s.stoppedAt().toLowerCase(java.util.Locale.ROOT), s.recordsWritten(), s.claimsRead()));
            if (partial != null) {
                line.append(" to ").append(partial).append(" (valid JSON Lines, incomplete)");
            }
        }
        err.println(line);
        err.flush();
    }
}
