package org.claimrules.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The design guards' reading of the modules' main Java: every line that matches a pattern. */
final class MainSources {

    /** What a scan found ({@code file:line: match}, relative to the project) and how many files it read. */
    record Found(List<String> matches, int files) {
    }

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private MainSources() {
    }

    /** The modules of the project that have main Java, by folder name. */
    static List<String> modules() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .map(m -> m.getFileName().toString()).sorted().toList();
        }
    }

    /** Every line of the modules' main Java files (except those {@code skip} names) that {@code pattern} finds. */
    static Found scan(List<String> modules, Pattern pattern, Predicate<String> skip) throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : modules) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                throw new IllegalStateException("no main Java in " + src);
            }
            try (Stream<Path> java = Files.walk(src)) {
                for (Path file : java.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (skip.test(file.toString().replace('\\', '/'))) {
                        continue;
                    }
                    files++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = pattern.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        return new Found(found, files);
    }
}
