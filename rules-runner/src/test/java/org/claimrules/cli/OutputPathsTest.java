package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output path is checked before a command reads its first claim: a missing folder, a folder
 * given as a file, an output that is the input, two outputs of one name. Each is a usage error
 * (exit 2) naming the option and the path as typed, and nothing is read, scored or written.
 */
class OutputPathsTest {

    @TempDir
    Path tmp;

    private Path claims() {
        return Cli.resource("claims.jsonl", tmp.resolve("claims.jsonl"));
    }

    /** The command stopped before scoring: no summary line, no output, no temporary file left. */
    private void refusedBeforeTheRun(Cli.Run run, String... mentions) throws IOException {
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        for (String m : mentions) {
            assertTrue(run.err().contains(m), () -> "the message names " + m + ":\n" + run);
        }
        assertFalse(run.err().contains("claims read:"), () -> "nothing was scored:\n" + run);
        assertFalse(run.err().contains(".partial"), () -> "no temporary file is named:\n" + run);
        assertFalse(run.err().contains("Exception"), run::toString);
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(java.util.List.of("claims.jsonl"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("rules")).sorted().toList(),
                    "nothing was written");
        }
    }

    @Test
    void aReportIntoAMissingFolderIsRefusedBeforeTheRun() throws IOException {
        String report = tmp.resolve("no/such/dir/r.html").toString();
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", tmp.resolve("out.jsonl").toString(),
                "--report", report, "--no-progress");
        refusedBeforeTheRun(run, "--report " + report, "does not exist");
    }

    @Test
    void aSummaryIntoAMissingFolderIsRefusedBeforeTheRun() throws IOException {
        String summary = tmp.resolve("nodir/s.json").toString();
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", tmp.resolve("out.jsonl").toString(),
                "--summary", summary, "--no-progress");
        refusedBeforeTheRun(run, "--summary " + summary);
    }

    @Test
    void anOutputIntoAMissingFolderNamesThePathGivenNotATemporaryFile() throws IOException {
        String output = tmp.resolve("missing/out.jsonl").toString();
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", output, "--no-progress");
        refusedBeforeTheRun(run, "--output " + output);
    }

    @Test
    void anOutputThatIsAFolderIsRefused() throws IOException {
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", tmp.toString(), "--no-progress");
        refusedBeforeTheRun(run, "--output " + tmp, "is a folder");
    }

    @Test
    void theInputIsNeverReplacedByTheResults() throws IOException {
        Path in = claims();
        byte[] before = Files.readAllBytes(in);
        Cli.Run run = Cli.run("score", "--input", in.toString(), "--output", in.toString(), "--no-progress");
        refusedBeforeTheRun(run, "--output " + in, "--input");
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void theInputIsRecognisedThroughAnotherSpellingOfItsPath() throws IOException {
        Path in = claims();
        Files.createDirectories(tmp.resolve("rules"));
        String other = tmp.resolve("rules/../claims.jsonl").toString();
        Cli.Run run = Cli.run("score", "--input", in.toString(), "--output", other, "--no-progress");
        refusedBeforeTheRun(run, "--output " + other);
        assertTrue(Files.readString(in).contains("\"claimId\""), "the input is intact");
    }

    @Test
    void twoOutputsOfOneNameAreRefused() throws IOException {
        String same = tmp.resolve("out.html").toString();
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", tmp.resolve("out.jsonl").toString(),
                "--summary", same, "--report", same, "--no-progress");
        refusedBeforeTheRun(run, "--report " + same, "--summary " + same, "same file");
    }

    @Test
    void impactChecksItsOutputsAndItsInputBeforeScoring() throws IOException {
        Path in = claims();
        String json = tmp.resolve("no/dir/i.json").toString();
        refusedBeforeTheRun(Cli.run("impact", "--rules", "bundled", "--input", in.toString(), "--output", json),
                "--output " + json);
        refusedBeforeTheRun(Cli.run("impact", "--rules", "bundled", "--input", in.toString(), "--html", in.toString()),
                "--html " + in);
    }

    @Test
    void generateIntoAMissingFolderIsRefused() throws IOException {
        claims();
        String out = tmp.resolve("none/claims.jsonl").toString();
        refusedBeforeTheRun(Cli.run("generate", "--count", "5", "--output", out), "--output " + out);
    }

    @Test
    void exportUnderAFileIsAUsageErrorWithoutAStackTrace() throws IOException {
        Path file = claims();
        Cli.Run run = Cli.run("rules", "export", file.resolve("sub").toString());
        refusedBeforeTheRun(run, file.toString(), "is a file, not a folder");
    }
}
