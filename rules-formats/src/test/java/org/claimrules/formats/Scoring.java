package org.claimrules.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.batch.RecordInput;
import org.claimrules.batch.ScoringPipeline;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.io.RecordReader;

/** Test helpers: the bundled engine, and files of any format read or scored as {@code score} does. */
public final class Scoring {

    private static ClaimEngine engine;

    private Scoring() {
    }

    public static synchronized ClaimEngine engine() {
        if (engine == null) {
            try {
                engine = ClaimEngine.bundled();
            } catch (org.claimrules.engine.RulesetException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    /** Every record the reader gives for {@code bytes}, decoded. */
    public static List<ClaimReader.Read> read(byte[] bytes, InputFormat format) throws IOException {
        List<ClaimReader.Read> reads = new ArrayList<>();
        try (RecordInput in = Formats.open(new ByteArrayInputStream(bytes), format, RulesetLoader.bundledRoot(),
                ClaimReader.MAX_RECORD_CHARS).input()) {
            RecordReader.Record r;
            while ((r = in.next()) != null) {
                reads.add(in.decode(r.text(), r.inputLine()));
            }
        }
        return reads;
    }

    /** The output lines of scoring {@code bytes} through the batch pipeline, as JSON. */
    public static List<JsonNode> score(byte[] bytes, InputFormat format, Formats.OutputFormat output, int threads,
            int partitions) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formats.Opened opened = Formats.open(new ByteArrayInputStream(bytes), format, RulesetLoader.bundledRoot(),
                ClaimReader.MAX_RECORD_CHARS);
        ScoringPipeline.Outcome run = ScoringPipeline.builder(engine()).threads(threads).partitions(partitions)
                .spillDir(Files.createTempDirectory("formats-spill"))
                .writer(Formats.writer(opened.format(), output, LocalDate.of(2026, 12, 1))).build()
                .run(opened.input(), out);
        if (!run.complete()) {
            throw new IllegalStateException("run stopped at " + run.stoppedAt());
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    public static byte[] bytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
