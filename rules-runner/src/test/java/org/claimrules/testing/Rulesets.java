package org.claimrules.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;

/** Test helpers: a writable copy of the bundled ruleset to edit like an analyst would. */
public final class Rulesets {

    private Rulesets() {
    }

    public static Path copyOfBundled(Path target) throws IOException {
        RulesetExporter.export(RulesetLoader.bundledRoot(), target);
        return target;
    }

    public static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.APPEND);
    }
}
