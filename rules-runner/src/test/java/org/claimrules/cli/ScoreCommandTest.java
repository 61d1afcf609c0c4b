package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.claimrules.io.Json;
import org.claimrules.io.Streams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreOpener() {
        ScoreCommand.opener = Streams::openOutputStream;
    }

    private int cli(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ClaimRulesCli());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path claims(int count) {
        Path in = dir.resolve("claims.jsonl");
        assertEquals(0, cli(new StringWriter(), "generate", "--count", "" + count, "--seed", "3", "--output", in.toString()));
        return in;
    }

    @Test
    void generateIsDeterministicForASeedWhateverTheThreads() throws IOException {
        Path a = dir.resolve("a.jsonl.gz");
        Path b = dir.resolve("b.jsonl.gz");
        assertEquals(0, cli(new StringWriter(), "generate", "--count", "3000", "--seed", "9", "--threads", "1", "--output", a.toString()));
        assertEquals(0, cli(new StringWriter(), "generate", "--count", "3000", "--seed", "9", "--threads", "3", "--output", b.toString()));
        assertTrue(java.util.Arrays.equals(gunzip(a), gunzip(b)));
        String text = new String(gunzip(a), StandardCharsets.UTF_8);
        for (String expected : List.of("\"MEDICARE\"", "\"COMMERCIAL\"", "PRACTITIONER", "ASC_FACILITY",
                "HOSPITAL_OUTPATIENT", "\"64490\"", "\"64491\"", "\"64492\"", "\"64493\"", "\"64494\"", "\"64495\"",
                "\"77003\"", "\"history\"", "\"placeOfService\":\"11\"", "\"placeOfService\":\"24\"")) {
            assertTrue(text.contains(expected), expected);
        }
        long members = text.lines().map(l -> l.replaceAll(".*\"memberId\":\"([^\"]+)\".*", "$1")).distinct().count();
        assertTrue(members < 2700, "members with several claims: " + members + " members for 3000 claims");
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesResultsSummaryAndASelfContainedReport() throws IOException {
        Path in = claims(400);
        Path out = dir.resolve("results.jsonl");
        Path summary = dir.resolve("summary.json");
        Path report = dir.resolve("report.html");
        Path stale = Files.writeString(dir.resolve("results.jsonl.partial"), "{\"claimId\":\"from an interrupted run\"}\n");
        int status = cli(new StringWriter(), "score", "--input", in.toString(), "--output", out.toString(),
                "--summary", summary.toString(), "--report", report.toString(), "--no-progress");
        assertTrue(status == 0 || status == 1);
        assertEquals(400, Files.readAllLines(out).size());
        assertFalse(Files.exists(stale), "a complete run removes the .partial of an earlier interrupted one");
        JsonNode s = Json.mapper().readTree(summary.toFile());
        assertTrue(s.get("complete").asBoolean());
        assertEquals(400, s.get("results").asLong() + s.get("errorRecords").asLong());
        String html = Files.readString(report);
        assertTrue(html.contains("<svg"));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(https?:|<script|<link|src=).*"),
                "the report loads nothing from outside");
    }

    @Test
    void aFullDiskEndsWithAClearErrorAndNoOutput() throws IOException {
        Path in = claims(300);
        Path out = dir.resolve("results.jsonl");
        ScoreCommand.opener = (path, gzip) -> new OutputStream() {
            final OutputStream real = Streams.openOutputStream(path, gzip);
            long n;

            @Override
            public void write(int b) throws IOException {
                if (++n > 5_000) {
                    throw new IOException("No space left on device");
                }
                real.write(b);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        StringWriter err = new StringWriter();
        int status = cli(err, "score", "--input", in.toString(), "--output", out.toString(), "--no-progress");
        assertEquals(ExitCodes.OUTPUT_FAILED, status);
        assertTrue(err.toString().contains("No space left on device"), err.toString());
        assertFalse(Files.exists(out), "no short file under the output's name");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("claims.jsonl"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The real signal path: a subprocess reading standard input gets SIGTERM while it reads. */
    @Test
    void sigtermStopsCleanlyAndSaysHowFarItGot() throws Exception {
        Path in = claims(200);
        Path out = dir.resolve("results.jsonl");
        Path summary = dir.resolve("summary.json");
        Path errFile = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ClaimRulesCli.class.getName(), "score", "--input", "-", "--output", out.toString(),
                "--summary", summary.toString(), "--progress-every", "0.1")
                .redirectError(errFile.toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(Files.readAllBytes(in));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(errFile).contains("reading 200") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(errFile).contains("reading 200"), Files.readString(errFile));
            // SIGTERM through the handle: Process.destroy() would also close standard input.
            assertTrue(p.toHandle().destroy());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        assertNotEquals(0, p.exitValue());
        assertFalse(Files.exists(out), "an incomplete output never takes the output's name");
        assertTrue(Files.exists(dir.resolve("results.jsonl.partial")));
        for (String line : Files.readAllLines(dir.resolve("results.jsonl.partial"))) {
            Json.mapper().readTree(line);
        }
        JsonNode s = Json.mapper().readTree(summary.toFile());
        assertFalse(s.get("complete").asBoolean());
        assertEquals("READING", s.get("stoppedAt").asText());
        assertEquals(200, s.get("claimsRead").asLong());
        assertTrue(Files.readString(errFile).contains("stopped while reading"), Files.readString(errFile));
    }

}
