package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.claimrules.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process, as a user runs it: stops by signal (with and without the terminal progress
 * bar) keep every finished record, the summary and {@code <output>.partial}, and leave no hidden
 * temporary file; results to a full or closed standard output exit 4; running out of memory exits
 * 5 with a plain message. Timeouts only turn a hang into a failure.
 */
class StopsAndOutputFailuresCliTest {

    @TempDir
    static Path shared;
    static Path claims;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        claims = shared.resolve("claims.jsonl");
        Cli.Run run = Cli.run("generate", "--count", "12000", "--seed", "4", "--output", claims.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void waitFor(Path file, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && ready.test(Files.readString(file, StandardCharsets.ISO_8859_1))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never ready: " + (Files.exists(file) ? Files.readString(file) : "no file"));
    }

    /** The partial output is complete JSON lines, the summary says how far the run got, nothing hidden is left. */
    private void assertCleanStop(Path out, Path summary, String stage) throws IOException {
        assertFalse(Files.exists(out), "an incomplete output never takes the output's name");
        Path partial = dir.resolve(out.getFileName() + ".partial");
        assertTrue(Files.exists(partial), "the partial output is kept");
        List<String> lines = Files.readAllLines(partial);
        for (String line : lines) {
            Json.mapper().readTree(line);
        }
        JsonNode s = Json.mapper().readTree(summary.toFile());
        assertFalse(s.get("complete").asBoolean());
        assertEquals(stage, s.get("stoppedAt").asText());
        assertEquals(lines.size(), s.get("recordsWritten").asLong());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> hidden = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "no hidden temporary file or spill folder is left");
        }
    }

    @Test
    @Timeout(300)
    void sigtermWhileScoringKeepsTheFinishedRecords() throws Exception {
        Path out = dir.resolve("results.jsonl");
        Path summary = dir.resolve("summary.json");
        Path err = dir.resolve("stderr.txt");
        sigtermWhileScoring(claims, out, summary, err);
        assertCleanStop(out, summary, "SCORING");
        assertTrue(Files.readString(err).contains("stopped while scoring"), Files.readString(err));
        assertTrue(Files.readAllLines(dir.resolve("results.jsonl.partial")).size() > 0,
                "results finished before the signal are kept; before they streamed, none were");
    }

    /** Scores {@code input} on one thread in a child JVM, sends SIGTERM once scoring has begun, and checks the exit status. */
    private static void sigtermWhileScoring(Path input, Path out, Path summary, Path err) throws Exception {
        Process p = new ProcessBuilder(java(ClaimRulesCli.class.getName(), "score", "--input", input.toString(),
                "--output", out.toString(), "--summary", summary.toString(), "--threads", "1",
                "--progress-every", "0.05")).redirectError(err.toFile()).start();
        waitFor(err, t -> t.matches("(?s).*scoring [1-9].*"));
        assertTrue(p.toHandle().destroy(), "SIGTERM sent");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends soon after the signal");
        assertEquals(ExitCodes.TERMINATED, p.exitValue(), Files.readString(err));
    }

    /** An 837P stops as JSON does: the finished results, each with its source, are kept as the .partial. */
    @Test
    @Timeout(300)
    void sigtermWhileScoringAn837PKeepsTheFinishedRecords() throws Exception {
        String example = Files.readString(Path.of("../examples/claims.837"));
        int st = example.indexOf("ST*");
        int ge = example.indexOf("GE*");
        String transaction = example.substring(st, ge);
        StringBuilder file = new StringBuilder(example.substring(0, st));
        int transactions = 800;
        for (int i = 1; i <= transactions; i++) {
            // each copy is its own transaction (ST02): its CLM01s are not duplicates of the others'
            String control = String.format("%04d", i);
            file.append(transaction.replace("ST*837*0001*", "ST*837*" + control + "*")
                    .replaceAll("SE\\*(\\d+)\\*0001", "SE*$1*" + control));
        }
        file.append(example.substring(ge).replaceFirst("GE\\*1\\*", "GE*" + transactions + "*"));
        Path input = dir.resolve("claims.837");
        Files.writeString(input, file);
        Path out = dir.resolve("results.jsonl");
        Path summary = dir.resolve("summary.json");
        Path err = dir.resolve("stderr.txt");
        sigtermWhileScoring(input, out, summary, err);
        Files.delete(input);
        assertCleanStop(out, summary, "SCORING");
        List<String> kept = Files.readAllLines(dir.resolve("results.jsonl.partial"));
        assertTrue(kept.size() > 0 && kept.size() < transactions * 15, kept.size() + " records kept");
        for (String line : kept) {
            assertTrue(Json.mapper().readTree(line).has("source"), line);
        }
    }

    @Test
    @Timeout(300)
    void ctrlCWithTheProgressBarOnATerminalStopsCleanly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a terminal");
        Path out = dir.resolve("results.jsonl");
        Path summary = dir.resolve("summary.json");
        Path screen = dir.resolve("screen.txt");
        Path cmd = shared.resolve("run-" + System.nanoTime() + ".sh");
        StringBuilder line = new StringBuilder("exec");
        for (String a : java(ClaimRulesCli.class.getName(), "score", "--input", claims.toString(), "--output",
                out.toString(), "--summary", summary.toString(), "--threads", "1")) {
            line.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        Files.writeString(cmd, "#!/bin/sh\n" + line + "\n");
        cmd.toFile().setExecutable(true);
        Process term = new ProcessBuilder("/usr/bin/script", "-qefc", cmd.toString(), "/dev/null")
                .redirectOutput(screen.toFile()).redirectErrorStream(true).start();
        waitFor(screen, t -> t.contains("scoring"));
        ProcessHandle javaProcess = term.toHandle().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst().orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(javaProcess.pid())).start().waitFor());
        assertTrue(term.waitFor(60, TimeUnit.SECONDS), "the run ends soon after Ctrl-C");
        String text = Files.readString(screen, StandardCharsets.ISO_8859_1);
        assertEquals(ExitCodes.INTERRUPTED, term.exitValue(), text);
        assertTrue(text.contains("stopped while scoring"), text);
        assertCleanStop(out, summary, "SCORING");
    }

    @Test
    @Timeout(300)
    void resultsToAFullStandardOutputExit4() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java(ClaimRulesCli.class.getName(), "score", "--input", claims.toString(),
                "--output", "-", "--no-progress")).redirectOutput(new java.io.File("/dev/full"))
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        assertEquals(ExitCodes.OUTPUT_FAILED, p.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("No space left on device"), Files.readString(err));
    }

    @Test
    @Timeout(300)
    void resultsToAReaderThatWentAwayExit4() throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java(ClaimRulesCli.class.getName(), "score", "--input", claims.toString(),
                "--output", "-", "--no-progress")).redirectError(err.toFile()).start();
        try (InputStream results = p.getInputStream()) {
            assertEquals(100, results.readNBytes(100).length); // | head -c 100
        }
        assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        assertEquals(ExitCodes.OUTPUT_FAILED, p.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("writing - failed"), Files.readString(err));
    }

    @Test
    @Timeout(300)
    void runningOutOfMemoryWhileLoadingAHugeTableExits5WithAPlainMessage() throws Exception {
        Path ruleset = Cli.export(dir, "rules");
        // One 150-million-character cell: more than the whole heap given below.
        try (var out = Files.newBufferedWriter(ruleset.resolve("tables/fees.csv"), StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.APPEND)) {
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, '9');
            for (int i = 0; i < 150; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java("-Xmx96m", ClaimRulesCli.class.getName(), "validate", ruleset.toString()))
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        String text = Files.readString(err);
        assertEquals(ExitCodes.RUN_FAILED, p.exitValue(), text);
        assertTrue(text.contains("out of memory"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }
}
