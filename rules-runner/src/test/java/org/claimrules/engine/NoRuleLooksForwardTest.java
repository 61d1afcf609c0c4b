package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Region;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.ClaimGenerator;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant the member scorer rests on: no rule looks forward in time. Sessions dated after a
 * claim's last service date never change its result; and a ruleset that breaks the invariant
 * makes the member's claims engine errors, never a silent answer that depends on the order.
 */
class NoRuleLooksForwardTest {

    @TempDir
    Path tmp;

    @Test
    void laterSessionsNeverChangeAnEarlierResult() {
        ClaimEngine engine = TestClaims.engine();
        Random random = new Random(20261201);
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            Claim claim = ClaimGenerator.claim(random, "FWD-" + i, "M-FWD-" + i);
            ClaimResult before;
            try {
                before = engine.score(claim);
            } catch (InvalidClaimException invalid) {
                continue;
            }
            LocalDate last = claim.lines().stream().map(ClaimLine::serviceDate).max(Comparator.naturalOrder()).orElseThrow();
            List<HistoryEntry> later = new ArrayList<>();
            for (Region region : Region.values()) {
                for (Intent intent : Intent.values()) {
                    later.add(new HistoryEntry(last.plusDays(1 + random.nextInt(200)), region, intent,
                            List.of("L4-L5", "C5-C6"), random.nextInt(101), random.nextInt(30), "LATER-" + i));
                }
            }
            List<HistoryEntry> all = new ArrayList<>(claim.history());
            all.addAll(later);
            Claim withLater = new Claim(claim.claimId(), claim.payer(), claim.billingProvider(), claim.placeOfService(),
                    claim.priorAuthorization(), claim.patient(), claim.diagnoses(), claim.lines(), claim.clinical(), all);
            assertEquals(before, engine.score(withLater), "sessions after " + last + " changed claim " + claim.claimId());
            compared++;
        }
        assertTrue(compared > 200, "most generated claims are valid: " + compared);
    }

    @Test
    void aRuleThatLooksForwardMakesTheMembersClaimsEngineErrors() throws Exception {
        Path rules = tmp.resolve("looks-forward");
        RulesetExporter.export(RulesetLoader.bundledRoot(), rules);
        Files.writeString(rules.resolve("rules/facet/looks-forward.drl"), """
                package rules.facet;
                import org.claimrules.model.facts.*;
                import function org.claimrules.rules.Edits.edit;
                rule "FJ-LOOK-001 A later session of the member exists"
                    @editId("FJ-LOOK-001") @severity("DENY") @category("TEST") @groupCode("CO") @carc("50")
                    @reference("a test of the invariant") @message("{$f.code} on line {$f.lineNumber} looks forward")
                when
                    $f : FacetLine( $date : serviceDate )
                    exists PriorSession( date.isAfter($date) )
                then
                    edit(kcontext, $f.getLineNumber());
                end
                """);
        ClaimEngine engine = ClaimEngine.fromDirectory(rules);
        // A has sessions on 01-12 and 03-09, B on 02-09: A's first session is denied only once B's is known
        Claim a = claim("FWD-A", List.of("2026-01-12", "2026-03-09"));
        Claim b = claim("FWD-B", List.of("2026-02-09"));
        List<Outcome> outcomes = engine.scoreMember(List.of(a, b));
        for (Outcome o : outcomes) {
            assertTrue(o instanceof ErrorRecord e && e.error().code().equals("ENGINE_ERROR"), o::toString);
        }
        // the bundled rules do not look forward: the same member scores cleanly
        List<Outcome> bundled = TestClaims.engine().scoreMember(List.of(a, b));
        assertTrue(bundled.stream().allMatch(o -> o instanceof ClaimResult), bundled::toString);
    }

    private static Claim claim(String id, List<String> dates) {
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (String date : dates) {
            lines.append(n == 0 ? "" : ",").append("{\"lineNumber\":").append(++n)
                    .append(",\"procedureCode\":\"64493\",\"modifiers\":[\"KX\"],\"units\":1,\"serviceDate\":\"")
                    .append(date).append("\",\"diagnosisPointers\":[1]}");
        }
        String json = "{\"claimId\":\"" + id + "\",\"payer\":{\"profile\":\"MEDICARE\"},\"billingProvider\":{\"role\":\"PRACTITIONER\"},"
                + "\"placeOfService\":\"11\",\"patient\":{\"memberId\":\"M-FWD\"},\"diagnoses\":[\"M47.816\"],\"lines\":["
                + lines + "]}";
        ClaimReader.Read read = ClaimReader.read(json, 1);
        assertTrue(read.ok(), () -> read.error().toString());
        return read.claim();
    }
}
