package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} given to any option that writes a file is standard output, never a file named
 * {@code -} in the working folder; two options that would both write to standard output are refused.
 */
class DashOutputOptionsTest {

    private static final Path DASH = Path.of("-");

    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void noDashFile() throws IOException {
        Files.deleteIfExists(DASH);
    }

    private Path claims() {
        Path claims = tmp.resolve("claims.jsonl");
        return Files.exists(claims) ? claims : Cli.resource("claims.jsonl", claims);
    }

    @Test
    void scoreWritesTheSummaryAndTheReportToStandardOutput() throws IOException {
        Path results = tmp.resolve("results.jsonl");
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", results.toString(),
                "--summary", "-", "--no-progress");
        assertTrue(run.exit() == ExitCodes.OK || run.exit() == ExitCodes.SOME_ERRORS, run::toString);
        assertFalse(Files.exists(DASH), "no file named '-':\n" + run);
        JsonNode summary = Json.mapper().readTree(run.out());
        assertEquals(Files.readAllLines(results).size(), summary.get("claimsRead").asLong(), run::toString);

        Cli.Run html = Cli.run("score", "--input", claims().toString(), "--output", results.toString(),
                "--report", "-", "--no-progress");
        assertFalse(Files.exists(DASH), "no file named '-':\n" + html);
        assertTrue(html.out().startsWith("<!DOCTYPE html>") || html.out().startsWith("<!doctype html>"), html::toString);
    }

    @Test
    void twoOptionsWritingToStandardOutputAreRefusedBeforeTheRun() {
        Cli.Run run = Cli.run("score", "--input", claims().toString(), "--output", "-", "--summary", "-", "--no-progress");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("--summary -") && run.err().contains("--output -"), run::toString);
        assertFalse(run.err().contains("claims read:"), "nothing was scored:\n" + run);
        assertFalse(Files.exists(DASH));
    }

    @Test
    void impactWritesItsJsonToStandardOutputAndItsTextToStandardError() throws IOException {
        Cli.Run run = Cli.run("impact", "--rules", "bundled", "--input", claims().toString(), "--output", "-");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertFalse(Files.exists(DASH), "no file named '-':\n" + run);
        JsonNode report = Json.mapper().readTree(run.out());
        assertTrue(report.isObject() && report.size() > 0, run::toString);
        assertFalse(run.err().isBlank(), "the text report is on standard error:\n" + run);

        Cli.Run html = Cli.run("impact", "--rules", "bundled", "--input", claims().toString(), "--html", "-");
        assertFalse(Files.exists(DASH), "no file named '-':\n" + html);
        assertTrue(html.out().toLowerCase(java.util.Locale.ROOT).startsWith("<!doctype html>"), html::toString);
    }

    @Test
    void exportToDashIsRefused() {
        Cli.Run run = Cli.run("rules", "export", "-");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertFalse(Files.exists(DASH), "no folder named '-':\n" + run);
    }
}
