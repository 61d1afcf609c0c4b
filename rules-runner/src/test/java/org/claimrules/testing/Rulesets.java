package org.claimrules.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.claimrules.engine.RulesetLoader;

/** Test helpers: a writable copy of the bundled ruleset to edit like an analyst would. */
public final class Rulesets {

    private Rulesets() {
    }

    public static Path copyOfBundled(Path target) throws IOException {
        Path root = RulesetLoader.bundledRoot();
        for (String part : List.of("rules", "tables", "scenarios")) {
            Path from = root.resolve(part);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return target;
    }

    public static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.APPEND);
    }
}
