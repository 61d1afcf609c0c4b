package org.claimrules.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
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
        List<String> modules = MainSources.modules().stream().filter(m -> !m.equals("rules-kjar")).toList();
        MainSources.Found found = MainSources.scan(modules, FAMILY, file -> file.contains("/org/claimrules/generate/"));
        assertTrue(found.files() > 50, "the guard reads the project's Java (found " + found.files() + " files)");
        assertEquals(List.of(), found.matches(), "main Java that names a procedure family");
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
