package org.claimrules.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guard of the design: the Java of the library, the command line and every other module knows
 * claims, lines, findings and table rows, never a procedure family. A family is only rules,
 * tables and scenarios in the ruleset (rules-kjar), so no main Java file outside rules-kjar may
 * name a family's types, edit IDs, codes or folders. The claim generator is the one exception: it
 * writes realistic claims of the bundled families.
 */
class NoFamilyInJavaTest {

    /** A family's types (FacetLine, RfaSession), edit ID prefix, CPT codes or folders. */
    static final Pattern FAMILY = Pattern.compile(
            "Facet|facet|\\bRfa[A-Z]\\w*|FJ-|\\b6449[0-5]\\b|\\b6463[3-6]\\b|(tables|rules|scenarios)/(facet|rfa)\\b");

    @Test
    void noMainJavaOutsideTheRulesetNamesAFamily() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                if (module.getFileName().toString().equals("rules-kjar")) {
                    continue;
                }
                try (Stream<Path> java = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : java.filter(f -> f.toString().endsWith(".java")).toList()) {
                        if (file.toString().replace('\\', '/').contains("/org/claimrules/generate/")) {
                            continue;
                        }
                        files++;
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            Matcher m = FAMILY.matcher(lines.get(i));
                            if (m.find()) {
                                found.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "the guard reads the project's Java (found " + files + " files)");
        assertEquals(List.of(), found, "main Java that names a procedure family");
    }

    @Test
    void theGuardSeesWhatItMustRefuse() {
        for (String line : List.of("import rules.facet.FacetLine;", "if (id.startsWith(\"FJ-\"))",
                "code.equals(\"64493\")", "Path.of(\"tables/facet/fees.csv\")", "RfaSession s", "\"64635\"")) {
            assertTrue(FAMILY.matcher(line).find(), line);
        }
        for (String line : List.of("Line line", "String rfaNonCandidateReason", "code 64499 is not one", "Finding f")) {
            assertTrue(!FAMILY.matcher(line).find(), line);
        }
    }
}
