package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.io.ClaimReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateToStandardOutputTest {

    @TempDir
    Path tmp;

    @Test
    void dashWritesTheClaimsToStandardOutputAndNoFileNamedDash() throws Exception {
        Files.deleteIfExists(Path.of("-"));
        Cli.Run run = Cli.run("generate", "--count", "7", "--seed", "4", "--invalid-per-mille", "0", "--output", "-");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        assertFalse(Files.exists(Path.of("-")), "no file named '-' in the working folder");
        java.util.List<String> lines = run.out().lines().toList();
        assertEquals(7, lines.size(), run::toString);
        lines.forEach(l -> assertTrue(ClaimReader.read(l, 1).ok(), l));
        assertTrue(run.err().contains("standard output"), run::toString);

        // the same bytes as written to a file
        Path file = tmp.resolve("c.jsonl");
        assertEquals(ExitCodes.OK, Cli.run("generate", "--count", "7", "--seed", "4", "--invalid-per-mille", "0",
                "--output", file.toString()).exit());
        assertEquals(Files.readString(file), run.out());
    }
}
