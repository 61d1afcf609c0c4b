package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.claimrules.engine.internal.FactAssembler;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.facts.Adjustment;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.facts.HistoryRecord;
import org.claimrules.model.facts.Line;
import org.claimrules.model.facts.LinePrice;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * A claim is evaluated by the rules it can concern (README, "Which rules see a claim"): the
 * packages of the folders whose procedure-code tables gave it no row are left out, and what the
 * rules conclude is the same as with the whole ruleset.
 */
class ScopedRulesTest {

    private final Ruleset rs = TestClaims.engine().ruleset();

    @Test
    void aClaimOfOneFolderCodesIsEvaluatedWithoutTheOtherFoldersRules() {
        Claim facetOnly = firstWith(c -> codes(c).stream().allMatch(code -> code.startsWith("6449")));
        Claim withRfa = firstWith(c -> codes(c).stream().anyMatch(code -> code.startsWith("6463")));

        Set<String> facetPackages = packagesOfSessionFor(facetOnly);
        assertTrue(facetPackages.contains("rules.facet") && facetPackages.contains("rules.shared"), facetPackages::toString);
        assertTrue(!facetPackages.contains("rules.rfa"), facetPackages::toString);

        KieSession session = rs.newSession(FactAssembler.facts(withRfa, List.of(), rs.data()));
        try {
            assertTrue(packages(session).contains("rules.rfa"));
        } finally {
            session.dispose();
        }
    }

    @Test
    void aFactNoRuleOfTheSessionCanMatchIsNotInserted() {
        Claim facetOnly = firstWith(c -> codes(c).stream().allMatch(code -> code.startsWith("6449")));
        List<Object> facts = FactAssembler.facts(facetOnly, List.of(), rs.data());
        List<Object> otherFolders = facts.stream().filter(f -> f.getClass().getName().startsWith("rules.rfa."))
                .toList();
        assertFalse(otherFolders.isEmpty(), "the claim carries rows of the RFA tables (profile parameters)");
        KieSession session = rs.newSession(facts);
        try {
            Set<Object> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
            inserted.addAll(session.getObjects());
            otherFolders.forEach(f -> assertFalse(inserted.contains(f), () -> "inserted " + f));
            // the claim's own facts are matched by the rules of every folder
            facts.stream().filter(f -> f instanceof Claim || f instanceof Line)
                    .forEach(f -> assertTrue(inserted.contains(f), () -> "not inserted " + f));
        } finally {
            session.dispose();
        }
    }

    @Test
    void theWholeRulesetIsUsedWhenEveryScopeIsConcerned() {
        Claim facetOnly = firstWith(c -> codes(c).stream().allMatch(code -> code.startsWith("6449")));
        List<ClaimLine> lines = new ArrayList<>(facetOnly.lines());
        ClaimLine first = lines.get(0);
        lines.add(new ClaimLine(lines.size() + 1, "64635", List.of(), 1, first.serviceDate(), null, first.charge()));
        Claim both = new Claim(facetOnly.claimId(), facetOnly.payer(), facetOnly.billingProvider(), facetOnly.placeOfService(),
                facetOnly.priorAuthorization(), facetOnly.patient(), facetOnly.diagnoses(), lines, facetOnly.clinical(),
                facetOnly.history());
        List<Object> facts = FactAssembler.facts(both, List.of(), rs.data());
        KieSession session = rs.newSession(facts);
        try {
            assertSame(rs.kieBase(), session.getKieBase());
        } finally {
            session.dispose();
        }
    }

    @Test
    void scopedEvaluationConcludesWhatTheWholeRulesetConcludes() {
        ClaimGenerator generator = new ClaimGenerator(41, 3_000, 0);
        for (long i = 0; i < 3_000; i++) {
            Claim claim = generator.claim(i);
            List<Object> facts = FactAssembler.facts(claim, List.of(), rs.data());
            KieSession whole = rs.kieBase().newKieSession();
            facts.forEach(whole::insert);
            KieSession scoped = rs.newSession(facts);
            try {
                assertEquals(conclusions(whole), conclusions(scoped), "claim " + claim.claimId());
            } finally {
                whole.dispose();
                scoped.dispose();
            }
        }
    }

    private static List<String> conclusions(KieSession session) {
        session.fireAllRules();
        List<String> out = new ArrayList<>();
        for (Class<?> type : List.of(Finding.class, Adjustment.class, LinePrice.class, HistoryRecord.class)) {
            session.getObjects(new ClassObjectFilter(type)).forEach(o -> out.add(String.valueOf(o)));
        }
        out.sort(null);
        return out;
    }

    private Set<String> packagesOfSessionFor(Claim claim) {
        KieSession session = rs.newSession(FactAssembler.facts(claim, List.of(), rs.data()));
        try {
            return packages(session);
        } finally {
            session.dispose();
        }
    }

    private static Set<String> packages(KieSession session) {
        return session.getKieBase().getKiePackages().stream().filter(p -> !p.getRules().isEmpty())
                .map(KiePackage::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> codes(Claim claim) {
        return claim.lines().stream().map(ClaimLine::procedureCode).collect(Collectors.toSet());
    }

    private static Claim firstWith(java.util.function.Predicate<Claim> wanted) {
        ClaimGenerator generator = new ClaimGenerator(7, 1_000, 0);
        for (long i = 0; i < 1_000; i++) {
            Claim c = generator.claim(i);
            if (!c.lines().isEmpty() && wanted.test(c)) {
                return c;
            }
        }
        throw new AssertionError("no generated claim of that kind");
    }
}
