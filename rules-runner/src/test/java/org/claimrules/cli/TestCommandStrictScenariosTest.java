package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claimrules test} fails a scenario with a misspelled field or an unknown edit ID, naming file and field. */
class TestCommandStrictScenariosTest {

    @TempDir
    Path tmp;

    @Test
    void aMisspelledExpectAndAnUnknownEditIdFailTheRun() throws Exception {
        Path dir = tmp.resolve("mine");
        Path passes = Cli.resource("scenarios/passes.json", dir.resolve("scenarios/analyst/passes.json"));
        String text = Files.readString(passes);
        Files.writeString(dir.resolve("scenarios/analyst/typo.json"), text.replace("\"expect\"", "\"expected\""));
        Cli.Run before = Cli.run("test", "--scenarios", dir.toString());
        assertEquals(ExitCodes.SOME_ERRORS, before.exit(), before::toString);
        assertTrue(before.out().contains("FAIL scenarios/analyst/typo.json: expected: unknown field"), before::toString);

        Files.delete(dir.resolve("scenarios/analyst/typo.json"));
        Files.writeString(dir.resolve("scenarios/analyst/unknown.json"), text.replace("FJ-UNIT-003", "FJ-UNIT-093"));
        Cli.Run unknown = Cli.run("test", "--scenarios", dir.toString());
        assertEquals(ExitCodes.SOME_ERRORS, unknown.exit(), unknown::toString);
        assertTrue(unknown.out().contains("FAIL scenarios/analyst/unknown.json"), unknown::toString);
        assertTrue(unknown.out().contains("expect.edits[0].editId: FJ-UNIT-093 is not an edit of this ruleset"),
                unknown::toString);

        Files.delete(dir.resolve("scenarios/analyst/unknown.json"));
        Cli.Run clean = Cli.run("test", "--scenarios", dir.toString());
        assertEquals(ExitCodes.OK, clean.exit(), "the fixture passes as it is:\n" + clean);
    }
}
