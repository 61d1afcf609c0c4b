package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimrules.batch.BatchScorer;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.io.RecordReader;
import org.claimrules.io.Streams;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimrules score}: one result or error record per input claim, in input order. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a JSON Lines file of claims; write one result or error record per claim, in order.")
public final class ScoreCommand implements Callable<Integer> {

    /** A record longer than this becomes an error record instead of being read into memory. */
    static final int MAX_RECORD_CHARS = ClaimReader.MAX_RECORD_CHARS;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Claims, JSON Lines (.gz read compressed; - for standard input).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Results, JSON Lines (.gz written compressed; - for standard output).")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    RulesetOption ruleset;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ClaimEngine engine = ruleset.engine(err);
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        List<ClaimReader.Read> records = new ArrayList<>();
        try (RecordReader in = new RecordReader(Streams.openInput(input), MAX_RECORD_CHARS)) {
            RecordReader.Record record;
            while ((record = in.next()) != null) {
                records.add(record.tooLong()
                        ? ClaimReader.tooLong(record.inputLine(), record.length())
                        : ClaimReader.read(record.text(), record.inputLine()));
            }
        } catch (NoSuchFileException e) {
            err.println("claimrules: cannot read input " + input + ": no such file");
            return ExitCodes.USAGE;
        }
        List<Outcome> outcomes = new BatchScorer(engine, threads).score(records);
        write(outcomes);
        return summarize(err, outcomes, System.nanoTime() - start);
    }

    private void write(List<Outcome> outcomes) throws IOException {
        if ("-".equals(output)) {
            Writer out = new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8);
            writeAll(out, outcomes);
            out.flush();
            return;
        }
        Path target = Path.of(output);
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        try {
            try (Writer out = Streams.openOutput(temp, output.endsWith(".gz"))) {
                writeAll(out, outcomes);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeAll(Writer out, List<Outcome> outcomes) throws IOException {
        for (Outcome o : outcomes) {
            out.write(Json.mapper().writeValueAsString(o));
            out.write('\n');
        }
    }

    private static int summarize(PrintWriter err, List<Outcome> outcomes, long nanos) {
        Map<Disposition, Integer> byDisposition = new EnumMap<>(Disposition.class);
        int errors = 0;
        for (Outcome o : outcomes) {
            if (o instanceof ClaimResult r) {
                byDisposition.merge(r.disposition(), 1, Integer::sum);
            } else {
                errors++;
            }
        }
        double seconds = nanos / 1e9;
        StringBuilder line = new StringBuilder("claims read: " + outcomes.size() + "; results:");
        for (Disposition d : Disposition.values()) {
            line.append(' ').append(d).append(' ').append(byDisposition.getOrDefault(d, 0));
        }
        line.append("; error records: ").append(errors)
                .append(String.format("; time: %.2f s; %.0f claims/s", seconds, outcomes.size() / Math.max(seconds, 1e-9)));
        err.println(line);
        err.flush();
        return errors > 0 ? ExitCodes.SOME_ERRORS : ExitCodes.OK;
    }
}
