package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.claimrules.engine.internal.RulesetClasses;
import org.kie.api.runtime.KieContainer;

/**
 * The bundled ruleset is built from its compiled models without Drools' class path scan, so the
 * rule sandbox reads the classes the models reach instead of listing the kjar. It must read the
 * same code the kjar holds: on a clean build, exactly the class files of the rule packages.
 */
class BundledRulesetClassesTest {

    /** The executable model's entry class of a package; an earlier build's stay in target/ until it is cleaned. */
    private static final Pattern MODEL = Pattern.compile(".*/Rules[0-9a-f]{32}");

    @Test
    void theSandboxReadsTheClassFilesOfTheBundledRulesThatTheKjarHolds() {
        ClassLoader loader = RulesetLoader.class.getClassLoader();
        KieContainer container = KieServices.get().getKieClasspathContainer(loader);
        KieBase kieBase = container.getKieBase(RulesetLoader.KBASE);
        Map<String, byte[]> module = RulesetClasses.ofModule(container, kieBase, RulesetLoader.KBASE);
        List<String> models = RulesetLoader.bundledModels(loader);
        Map<String, byte[]> reachable = RulesetClasses.reachable(loader, models);

        assertEquals(3, models.size(), "one model per package of the bundled ruleset: " + models);
        Set<String> outside = new TreeSet<>(reachable.keySet());
        outside.removeAll(module.keySet());
        assertEquals(Set.of(), outside, "every class read is one of the kjar's");
        Set<String> current = new TreeSet<>();
        models.forEach(m -> current.add(m.replace('.', '/')));
        Set<String> stale = new TreeSet<>();
        for (String name : module.keySet()) {
            if (MODEL.matcher(name).matches() && !current.contains(name)) {
                stale.add(name);
            }
        }
        Set<String> notRead = new TreeSet<>(module.keySet());
        notRead.removeAll(reachable.keySet());
        if (stale.isEmpty()) {
            assertEquals(Set.of(), notRead, "a clean kjar holds no class the models do not reach");
        } else {
            // a kjar of several builds: at least every class generated for the current models
            notRead.removeIf(n -> current.stream().noneMatch(n::startsWith));
            assertEquals(Set.of(), notRead);
        }
        assertTrue(reachable.size() > 100, "the rules' lambdas are read too: " + reachable.size());
    }
}
