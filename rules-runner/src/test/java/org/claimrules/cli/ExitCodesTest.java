package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.batch.OutputFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exception that reaches the command line gets the status the README gives it, and a plain message. */
class ExitCodesTest {

    @TempDir
    Path dir;

    private static String[] report(Throwable t) {
        StringWriter w = new StringWriter();
        int status = ExitCodes.forFailure(t, new PrintWriter(w, true));
        return new String[] {Integer.toString(status), w.toString()};
    }

    @Test
    void unexpectedFailuresAreRunFailuresNotUsageErrors() {
        String[] npe = report(new NullPointerException("member ZZPHI7781 was null"));
        assertEquals(Integer.toString(ExitCodes.RUN_FAILED), npe[0]);
        assertFalse(npe[1].contains("ZZPHI7781"), "an unexpected exception's message can hold claim data: " + npe[1]);
        assertEquals(Integer.toString(ExitCodes.RUN_FAILED), report(new OutOfMemoryError("Java heap space"))[0]);
        assertTrue(report(new OutOfMemoryError("Java heap space"))[1].contains("out of memory"));
        assertEquals(Integer.toString(ExitCodes.RUN_FAILED), report(new StackOverflowError())[0]);
        assertEquals(Integer.toString(ExitCodes.OUTPUT_FAILED),
                report(new OutputFailedException(new IOException("No space left on device")))[0]);
    }

    @Test
    void aPlainTextFileNamedGzIsAUsageErrorInPlainWords() throws IOException {
        Path fake = Files.writeString(dir.resolve("claims.jsonl.gz"), "{\"claimId\":\"C-1\"}\n");
        Cli.Run run = Cli.run("score", "--input", fake.toString(), "--output", dir.resolve("out.jsonl").toString(),
                "--no-progress");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("not gzip-compressed"), run.err());
        assertFalse(run.err().contains("GZIP format") || run.err().contains("java.util.zip") || run.err().contains("\tat "),
                run.err());
    }

    @Test
    void aDamagedGzipInputSaysSoWithoutZipInternals() throws IOException {
        Path good = dir.resolve("claims.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(good))) {
            for (int i = 0; i < 2000; i++) {
                out.write(("{\"claimId\":\"C-" + i + "\"}\n").getBytes());
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Run run = Cli.run("score", "--input", cut.toString(), "--output", dir.resolve("out.jsonl").toString(),
                "--no-progress");
        assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("damaged or cut short"), run.err());
        assertFalse(run.err().contains("ZLIB") || run.err().contains("\tat "), run.err());
    }
}
