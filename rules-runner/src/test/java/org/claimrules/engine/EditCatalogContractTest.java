package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The rules implement exactly the catalogue's edits, each with the catalogue's severity and codes. */
class EditCatalogContractTest {

    private static Ruleset ruleset;
    private static Map<String, CSVRecord> contract;

    @BeforeAll
    static void load() throws Exception {
        ruleset = RulesetLoader.bundled();
        try (Reader in = new InputStreamReader(EditCatalogContractTest.class.getResourceAsStream("/edit-catalog-contract.csv"),
                StandardCharsets.UTF_8)) {
            contract = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                    .parse(in).getRecords().stream().collect(Collectors.toMap(r -> r.get("editId"), Function.identity()));
        }
    }

    @Test
    void everyCatalogueEditHasARuleAndNoRuleInventsOne() {
        Set<String> implemented = new TreeSet<>(ruleset.catalog().editIds());
        Set<String> missing = new TreeSet<>(contract.keySet());
        missing.removeAll(implemented);
        Set<String> unknown = new TreeSet<>(implemented);
        unknown.removeAll(contract.keySet());
        assertTrue(missing.isEmpty(), "catalogue edits without a rule: " + missing);
        assertTrue(unknown.isEmpty(), "rules with edit IDs the catalogue does not have: " + unknown);
    }

    @Test
    void everyEditCarriesTheCataloguesSeverityAndCodes() {
        List<String> wrong = new ArrayList<>();
        for (EditDefinition def : ruleset.catalog().edits()) {
            CSVRecord expected = contract.get(def.editId());
            if (expected == null) {
                continue;
            }
            check(wrong, def, "severity", expected.get("severity"), def.severity().name());
            check(wrong, def, "groupCode", expected.get("groupCode"), def.groupCode());
            check(wrong, def, "carc", expected.get("carc"), def.carc());
            check(wrong, def, "rarc", expected.get("rarc"), def.rarc());
            check(wrong, def, "lcd", expected.get("lcd"), String.valueOf(def.lcd()));
            if (def.reference() == null || def.reference().isBlank()) {
                wrong.add(def.editId() + ": no reference");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRuleIsADerivationOrAnEditWithCompleteMetadata() {
        assertEquals(List.of(), EditCatalog.read(ruleset.kieBase()).problems());
        List<String> unnamed = new ArrayList<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                boolean derivation = rule.getName().startsWith("Derive: ");
                boolean edit = ruleset.catalog().forRule(rule.getName()) != null;
                if (derivation == edit) {
                    unnamed.add(rule.getName());
                }
            }
        }
        assertEquals(List.of(), unnamed, "rules must be named 'Derive: ...' or '<EDIT-ID> <title>' with edit metadata");
    }

    private static void check(List<String> wrong, EditDefinition def, String field, String expected, String actual) {
        String e = expected == null || expected.isBlank() ? null : expected;
        String a = actual == null || actual.isBlank() ? null : actual;
        if (!java.util.Objects.equals(e, a)) {
            wrong.add(def.editId() + " " + field + ": catalogue " + e + ", rule " + a);
        }
    }
}
