package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/edits.md is the catalogue generated from the rules' metadata; this keeps it true. When it
 * fails, regenerate it: {@code java -jar rules-runner/target/claimrules.jar catalog --format md > docs/edits.md}.
 */
class EditsDocTest {

    @Test
    void docsEditsMdMatchesTheRulesMetadata() throws Exception {
        Cli.Run run = Cli.run("catalog", "--format", "md");
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        List<String> generated = run.out().lines().toList();
        List<String> documented = Files.readAllLines(Path.of("../docs/edits.md"));
        assertTrue(generated.size() > 48, "every edit has a row");
        // The first line names the ruleset version, which changes with every commit.
        assertEquals(generated.subList(1, generated.size()), documented.subList(1, documented.size()),
                "docs/edits.md is out of date; regenerate it with: "
                        + "java -jar rules-runner/target/claimrules.jar catalog --format md > docs/edits.md");
    }
}
