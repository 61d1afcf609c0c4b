package org.claimrules.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a ruleset's editable files to a folder, laid out as in the source tree: the DRL files
 * under {@code rules/}, the data tables under {@code tables/}, the scenario files under
 * {@code scenarios/} and {@code ruleset.properties}. Works from a folder, from the classpath
 * folder of a development build and from the zip filesystem of the shaded jar (whose
 * {@code rules/} folder also holds the compiled classes of the executable model, left out here).
 */
public final class RulesetExporter {

    private static final List<String> FOLDERS = List.of("rules", "tables", "scenarios");
    private static final String PROPERTIES = "ruleset.properties";

    private RulesetExporter() {
    }

    /** Copies the ruleset at {@code root} into {@code target}; returns the paths written, relative to it. */
    public static List<String> export(Path root, Path target) throws IOException {
        List<String> written = new ArrayList<>();
        Files.createDirectories(target);
        for (String folder : FOLDERS) {
            Path from = root.resolve(folder);
            if (!Files.isDirectory(from)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile).filter(p -> editable(folder, p)).sorted().toList();
            }
            for (Path file : files) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                copy(file, target.resolve(relative));
                written.add(relative);
            }
        }
        Path properties = root.resolve(PROPERTIES);
        if (Files.isRegularFile(properties)) {
            copy(properties, target.resolve(PROPERTIES));
            written.add(PROPERTIES);
        }
        return written;
    }

    private static boolean editable(String folder, Path file) {
        String name = file.getFileName().toString();
        return switch (folder) {
            case "rules" -> name.endsWith(".drl");
            case "tables" -> name.endsWith(".csv");
            default -> name.endsWith(".json");
        };
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        // Files.copy across filesystems (zip to default) copies the bytes
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
